import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["@coherence/test-postgres/vitest-global-setup"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
