// What an analytic view waits for: a query's data, or the error that stopped it and a way to try
// again. A TanStack Query result is one; `allLoaded` makes one of several.

export interface Loadable<T> {
  data: T | undefined;
  error: { message: string } | null;
  refetch: () => unknown;
}

/**
 * Several queries as one: the first error (retried on its own), and the data only when every
 * query has its data.
 *
 * @example
 * allLoaded({ cards: scorecardsQuery, tasks: tasksQuery }).data // → { cards, tasks } or undefined
 */
export function allLoaded<Q extends Record<string, Loadable<unknown>>>(
  queries: Q,
): Loadable<{ [K in keyof Q]: Exclude<Q[K]["data"], undefined> }> {
  const all = Object.values(queries);
  const failed = all.find((q) => q.error);
  const ready = all.every((q) => q.data !== undefined);
  return {
    data: ready
      ? (Object.fromEntries(Object.entries(queries).map(([k, q]) => [k, q.data])) as {
          [K in keyof Q]: Exclude<Q[K]["data"], undefined>;
        })
      : undefined,
    error: failed?.error ?? null,
    refetch: () => failed?.refetch(),
  };
}
