import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    globalSetup: ["@coherence/test-postgres/vitest-global-setup"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
