// The column mapping the wizard edits: proposed by the server (import.inspect), changed by the
// user, sent with the preview and the import. Pure, so that what blocks a preview is tested.

export interface MappableField {
  name: string;
  /** A column of the file must hold it (its value may not be empty). */
  required: boolean;
}

export interface ProposedColumn {
  header: string;
  field: string | null;
  matchedBy: "remembered" | "exact" | "alias" | "none";
}

/** File header → canonical field, or null to leave the column out. */
export type ColumnMapping = Record<string, string | null>;

/** The mapping the server proposed, as the user starts editing it. */
export function mappingOf(proposed: readonly ProposedColumn[]): ColumnMapping {
  return Object.fromEntries(proposed.map((p) => [p.header, p.field]));
}

/**
 * What keeps a mapping from being previewed: required fields without a column, and fields
 * given two columns. Both empty = the preview may go.
 * @example mappingGaps([{ name: "amount", required: true }], { Montant: null }) // → { missing: ["amount"], duplicated: [] }
 */
export function mappingGaps(
  fields: readonly MappableField[],
  mapping: ColumnMapping,
): { missing: string[]; duplicated: string[] } {
  const counts = new Map<string, number>();
  for (const field of Object.values(mapping))
    if (field !== null) counts.set(field, (counts.get(field) ?? 0) + 1);
  return {
    missing: fields.filter((f) => f.required && !counts.has(f.name)).map((f) => f.name),
    duplicated: [...counts].filter(([, n]) => n > 1).map(([f]) => f),
  };
}
