// Queries every workspace view shares: who is signed in, and the codes behind record ids.
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useSearch } from "wouter";
import { useTRPC } from "../trpc";

export function useMe() {
  const trpc = useTRPC();
  return useQuery(trpc.auth.me.queryOptions()).data ?? undefined;
}

/** Operation and organization codes by id (records carry ids). */
export function useCodes() {
  const trpc = useTRPC();
  const ops = useQuery(trpc.operation.list.queryOptions());
  const orgs = useQuery(trpc.organization.list.queryOptions());
  return useMemo(() => {
    const op = new Map((ops.data ?? []).map((o) => [o.id, o.code] as const));
    const org = new Map((orgs.data ?? []).map((o) => [o.id, o.code] as const));
    return {
      operations: ops.data ?? [],
      organizations: orgs.data ?? [],
      op: (id: number | null) => (id === null ? null : (op.get(id) ?? String(id))),
      org: (id: number) => org.get(id) ?? String(id),
      opId: (code: string) => (ops.data ?? []).find((o) => o.code === code)?.id ?? null,
      orgId: (code: string) => (orgs.data ?? []).find((o) => o.code === code)?.id ?? null,
    };
  }, [ops.data, orgs.data]);
}

export type Codes = ReturnType<typeof useCodes>;

/** Priority task codes of an operation's mandates (every version), for suggestions. */
export function useTaskCodes(operation: string): { code: string; title: string }[] {
  const trpc = useTRPC();
  const mandates = useQuery({
    ...trpc.mandate.list.queryOptions({ operation }),
    enabled: operation !== "",
  });
  return useMemo(() => {
    const seen = new Map<string, string>();
    for (const m of mandates.data ?? [])
      for (const t of m.tasks) if (!seen.has(t.code)) seen.set(t.code, t.title);
    return [...seen].map(([code, title]) => ({ code, title }));
  }, [mandates.data]);
}

/**
 * The operation a new record starts in: the one asked for, else the user's first assigned one;
 * null while who the user is, or the operations, are still loading.
 */
export function useStartOperation(): string | null {
  const me = useMe();
  const codes = useCodes();
  const asked = new URLSearchParams(useSearch()).get("operation");
  if (asked) return asked;
  if (!me || codes.operations.length === 0) return null;
  const assigned = me.assignments.find((a) => a.operationId !== null)?.operationId ?? null;
  return codes.op(assigned) ?? "";
}
