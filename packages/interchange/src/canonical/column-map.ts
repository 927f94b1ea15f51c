// Mapping a file's own column names onto a canonical kind's columns, for files whose header
// differs from the canonical one ("Montant" for amount, "Donor" for source). The import
// wizard proposes a mapping (the one remembered for the file's source, the canonical name
// itself, a known alias) and the readers apply the mapping the user confirmed.
import type { CanonicalKind } from "../records";
import { KIND_SPECS } from "./kinds";

/**
 * A file's header (as written) → the canonical column it holds, or null to ignore the column.
 * Headers are compared case-, accent- and punctuation-insensitively ({@link normaliseColumnName}).
 */
export type ColumnMapping = Record<string, string | null>;

/** How a proposed field was found. */
export type MatchedBy = "remembered" | "exact" | "alias" | "none";

export interface ColumnSuggestion {
  header: string;
  field: string | null;
  matchedBy: MatchedBy;
}

/**
 * A column name reduced for comparison: no BOM, accents or case; runs of anything but letters
 * and digits become one underscore. @example normaliseColumnName(" Date du statut ") // → "date_du_statut"
 */
export function normaliseColumnName(name: string): string {
  return name
    .replace(/^\uFEFF/, "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

/**
 * Other names a canonical column goes by in finance officers' spreadsheets (English and
 * French), already normalised. Shared by every kind: a kind only considers its own columns.
 */
export const COLUMN_ALIASES: Readonly<Record<string, readonly string[]>> = {
  external_ref: ["ref", "reference", "external_reference", "id", "flow_id", "contribution_id"],
  source: ["donor", "donateur", "source_organization", "from", "bailleur", "contributor"],
  recipient: ["recipient_entity", "beneficiaire", "entite_beneficiaire", "to", "destination"],
  operation: ["mission", "operation_code"],
  task_code: ["task", "priority_task", "tache", "tache_prioritaire"],
  funding_type: ["type", "type_of_funding", "type_de_financement"],
  status: ["statut", "contribution_status"],
  amount: ["montant", "value", "valeur", "original_amount", "amount_original"],
  currency: ["devise", "ccy", "currency_code", "monnaie", "original_currency"],
  date: ["status_date", "date_du_statut", "value_date"],
  period_start: ["start", "from_date", "usage_from", "debut", "date_de_debut", "start_date"],
  period_end: ["end", "to_date", "usage_to", "fin", "date_de_fin", "end_date"],
  earmarking: ["affectation", "earmark"],
  category: ["categorie", "budget_category"],
  notes: ["note", "remarks", "remarques", "comments", "commentaires"],
  amount_usd: ["usd", "amount_in_usd", "montant_usd"],
  units_per_usd: ["rate", "exchange_rate", "taux", "taux_de_change"],
  entity: ["entite", "agency", "agence"],
  stage: ["etape", "budget_stage"],
  document: ["doc", "source_document"],
  effective_date: ["effective_from", "en_vigueur_depuis", "date_d_effet"],
  code: ["organization_code"],
  name: ["nom", "label", "libelle"],
};

/**
 * The canonical columns of a kind, and whether a mapped file must hold each one (`required`: its
 * value may not be empty); the others may be left unmapped and read as empty.
 */
export function kindColumns(kind: CanonicalKind): { name: string; required: boolean }[] {
  return KIND_SPECS[kind].columns.map((c) => ({
    name: c.name,
    required: c.required && !c.mayBeEmpty,
  }));
}

/**
 * Proposes a canonical column for each header: the mapping remembered for the file's source
 * first (the user chose it knowingly), then the canonical name itself, then an alias. A field
 * is proposed once (to its first header); a remembered "ignore" (null) is kept.
 * @example
 * suggestColumnMapping("rates", ["Devise", "Rate", "effective_date"]);
 * // → [{ header: "Devise", field: "currency", matchedBy: "alias" }, { header: "Rate", field: "units_per_usd", ... }, ...]
 */
export function suggestColumnMapping(
  kind: CanonicalKind,
  headers: readonly string[],
  remembered: ColumnMapping = {},
): ColumnSuggestion[] {
  const fields = new Set(kindColumns(kind).map((c) => c.name));
  const rememberedByName = new Map(
    Object.entries(remembered).map(([header, field]) => [normaliseColumnName(header), field]),
  );
  const taken = new Set<string>();
  const take = (field: string | null | undefined): field is string =>
    field !== null && field !== undefined && fields.has(field) && !taken.has(field);
  const out: ColumnSuggestion[] = headers.map((header) => ({
    header,
    field: null,
    matchedBy: "none",
  }));
  // Three passes, so that a header matching exactly is never robbed by an earlier alias.
  out.forEach((s) => {
    const key = normaliseColumnName(s.header);
    if (!rememberedByName.has(key)) return;
    const field = rememberedByName.get(key);
    if (field === null) s.matchedBy = "remembered";
    else if (take(field)) {
      s.field = field;
      s.matchedBy = "remembered";
      taken.add(field);
    }
  });
  out.forEach((s) => {
    const key = normaliseColumnName(s.header);
    if (s.matchedBy !== "none" || !take(key)) return;
    s.field = key;
    s.matchedBy = "exact";
    taken.add(key);
  });
  out.forEach((s) => {
    if (s.matchedBy !== "none") return;
    const key = normaliseColumnName(s.header);
    const field = [...fields].find((f) => COLUMN_ALIASES[f]?.includes(key));
    if (!take(field)) return;
    s.field = field;
    s.matchedBy = "alias";
    taken.add(field);
  });
  return out;
}

/** What keeps a mapping from being usable: required columns left out, a column given twice. */
export interface MappingGaps {
  missing: string[];
  duplicated: string[];
  unknown: string[];
}

/**
 * The gaps of a mapping for a kind (all empty when it can be used).
 * @example mappingGaps("rates", { Devise: "currency" }).missing // → ["units_per_usd", "effective_date"]
 */
export function mappingGaps(kind: CanonicalKind, mapping: ColumnMapping): MappingGaps {
  const columns = kindColumns(kind);
  const known = new Set(columns.map((c) => c.name));
  const seen = new Map<string, number>();
  for (const field of Object.values(mapping))
    if (field !== null) seen.set(field, (seen.get(field) ?? 0) + 1);
  return {
    missing: columns.filter((c) => c.required && !seen.has(c.name)).map((c) => c.name),
    duplicated: [...seen].filter(([, n]) => n > 1).map(([f]) => f),
    unknown: [...seen.keys()].filter((f) => !known.has(f)),
  };
}
