import { describe, expect, it, vi } from "vitest";
import { allLoaded } from "./loadable";
import type { Loadable } from "./loadable";

const ready = <T>(data: T): Loadable<T> => ({ data, error: null, refetch: vi.fn() });
const pending = (): Loadable<never> => ({ data: undefined, error: null, refetch: vi.fn() });
const failed = (message: string): Loadable<never> => ({
  data: undefined,
  error: { message },
  refetch: vi.fn(),
});

describe("allLoaded", () => {
  it("has every query's data once all have it", () => {
    const both = allLoaded({ a: ready(1), b: ready("x") });
    expect(both.data).toEqual({ a: 1, b: "x" });
    expect(both.error).toBeNull();
    expect(allLoaded({ a: ready(1), b: pending() }).data).toBeUndefined();
  });

  it("reports the first error and retries only the query that failed", () => {
    const a = ready(1);
    const b = failed("no server");
    const c = failed("later");
    const all = allLoaded({ a, b, c });
    expect(all.error).toEqual({ message: "no server" });
    all.refetch();
    expect(b.refetch).toHaveBeenCalledOnce();
    expect(a.refetch).not.toHaveBeenCalled();
    expect(c.refetch).not.toHaveBeenCalled();
  });
});
