import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTRPC } from "../trpc";
import type { AnalyticsFilter } from "./analytics-state";

/** Display names for the codes a filter carries: organisations by name, tasks by rank and title. */
export function useNames(operation: string) {
  const trpc = useTRPC();
  const organizations = useQuery(trpc.organization.list.queryOptions());
  const mandates = useQuery(trpc.mandate.list.queryOptions({ operation }));
  return useMemo(() => {
    const orgs = new Map((organizations.data ?? []).map((o) => [o.code, o.name] as const));
    const tasks = new Map<string, string>();
    for (const mandate of mandates.data ?? [])
      // Latest mandate first: its rank and title win.
      for (const t of mandate.tasks)
        if (!tasks.has(t.code)) tasks.set(t.code, `${t.rank}. ${t.title}`);
    const org = (code: string) => orgs.get(code) ?? code;
    const task = (code: string) => tasks.get(code) ?? code;
    const name = (kind: keyof AnalyticsFilter, code: string) =>
      kind === "task" ? task(code) : org(code);
    return { org, task, name };
  }, [organizations.data, mandates.data]);
}
