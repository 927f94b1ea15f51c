import { defineConfig } from "vitest/config";

// Vitest 5's reporter calls Map.groupBy (Node ≥ 21) when it prints a failure; on Node 20 the
// failure report itself crashes. This shim only makes failures readable on Node 20.
const mapWithGroupBy = Map as unknown as { groupBy?: unknown };
mapWithGroupBy.groupBy ??= <K, V>(items: Iterable<V>, keyOf: (item: V, index: number) => K) => {
  const groups = new Map<K, V[]>();
  let index = 0;
  for (const item of items) {
    const key = keyOf(item, index++);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return groups;
};

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // XLSX round trips and the 200k-row stream take seconds on a busy 2-core CI machine.
    testTimeout: 30_000,
  },
});
