import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// In development the API runs on the server (npm start, port 3000); vite proxies /trpc to it.
export default defineConfig({
  plugins: [react()],
  server: {
    proxy: { "/trpc": "http://localhost:3000" },
  },
  build: {
    sourcemap: true,
  },
});
