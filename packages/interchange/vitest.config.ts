import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // XLSX round trips and the 200k-row stream take seconds on a busy 2-core CI machine.
    testTimeout: 120_000,
  },
});
