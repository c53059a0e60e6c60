import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    environment: "node",
    setupFiles: ["tests/helpers/all-translations.ts"],
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each file gets its own databases; two workers keep a 2-core machine responsive.
    maxWorkers: 2,
    // Tests call the routes thousands of times from one address: request budgets are off except
    // where a test sets one (tests/integration/api-bounds.test.ts).
    env: { RATE_LIMIT: "0" },
  },
});
