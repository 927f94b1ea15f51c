import type { ImporterKind, Importer } from "./importer";
import { canonicalImporter } from "./canonical-importer";
import { ftsImporter } from "./fts-importer";
import { iatiImporter } from "./iati-importer";
import { unRatesImporter } from "./un-rates-importer";

/** Every importer, by kind: the one place where a format is registered. */
export const IMPORTERS: Readonly<Record<ImporterKind, Importer>> = {
  organizations: canonicalImporter("organizations"),
  mandates: canonicalImporter("mandates"),
  requirements: canonicalImporter("requirements"),
  flows: canonicalImporter("flows"),
  rates: canonicalImporter("rates"),
  crosswalk: canonicalImporter("crosswalk"),
  scales: canonicalImporter("scales"),
  fts: ftsImporter,
  iati: iatiImporter,
  "un-rates": unRatesImporter,
};

/** The kinds that have an importer. */
export const IMPORTER_KINDS = Object.keys(IMPORTERS) as ImporterKind[];

/**
 * The importer of a kind, or undefined for an unknown kind (e.g. a CLI argument).
 * @example await importerFor("fts")?.import([{ fileName: "page-1.json", data: bytes }], { ftsMapping });
 */
export function importerFor(kind: string): Importer | undefined {
  return (IMPORTERS as Readonly<Record<string, Importer>>)[kind];
}
