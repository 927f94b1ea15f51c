import type { Migration } from "kysely/migration";
import * as coreLedger from "./0001-core-ledger";
import * as peopleAuditReference from "./0002-people-audit-reference";
import * as importSourcesAndMappings from "./0003-import-sources-and-mappings";
import * as sqliteCheapChecks from "./0004-sqlite-cheap-checks";
import * as columnMappings from "./0005-column-mappings";

/** Every migration, in order. A migration is never edited once it has landed: add a new one. */
export const migrations: Record<string, Migration> = {
  "0001-core-ledger": coreLedger,
  "0002-people-audit-reference": peopleAuditReference,
  "0003-import-sources-and-mappings": importSourcesAndMappings,
  "0004-sqlite-cheap-checks": sqliteCheapChecks,
  "0005-column-mappings": columnMappings,
};
