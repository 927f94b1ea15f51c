import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // Property tests run thousands of cases; on a loaded CI machine they can pass 5 s.
    testTimeout: 120_000,
  },
});
