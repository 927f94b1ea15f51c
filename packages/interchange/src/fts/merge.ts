import type { FtsFlow } from "./types";

/** What happened to a flow id seen more than once. */
export interface FtsDuplicate {
  id: string;
  keptVersion: number | null;
  droppedVersion: number | null;
  reason: string;
}

/**
 * True when an incoming version of a flow should replace the stored one: only a strictly newer
 * `versionId` does; an older or equal one changes nothing. A flow without a version never
 * replaces a versioned one; a versioned one replaces one without.
 * @example ftsVersionReplaces(3, 4) // → true
 * @example ftsVersionReplaces(4, 4) // → false
 */
export function ftsVersionReplaces(stored: number | null, incoming: number | null): boolean {
  if (incoming === null) return false;
  if (stored === null) return true;
  return incoming > stored;
}

/**
 * Merges the flows of several pages (or files) into one list by flow id, in first-seen order:
 * a flow seen twice keeps its newest version (by {@link ftsVersionReplaces}); every dropped copy
 * is listed with the reason.
 * @example const { flows, duplicates } = mergeFtsFlows([page1.flows, page2.flows, page3.flows]);
 */
export function mergeFtsFlows(pages: readonly (readonly FtsFlow[])[]): {
  flows: FtsFlow[];
  duplicates: FtsDuplicate[];
} {
  const byId = new Map<string, FtsFlow>();
  const duplicates: FtsDuplicate[] = [];
  for (const page of pages)
    for (const flow of page) {
      const kept = byId.get(flow.id);
      if (!kept) byId.set(flow.id, flow);
      else if (ftsVersionReplaces(kept.versionId, flow.versionId)) {
        byId.set(flow.id, flow);
        duplicates.push({
          id: flow.id,
          keptVersion: flow.versionId,
          droppedVersion: kept.versionId,
          reason: "replaced by a newer version",
        });
      } else
        duplicates.push({
          id: flow.id,
          keptVersion: kept.versionId,
          droppedVersion: flow.versionId,
          reason:
            kept.versionId === flow.versionId
              ? "the same version seen again (pages overlap)"
              : "an older version",
        });
    }
  return { flows: [...byId.values()], duplicates };
}
