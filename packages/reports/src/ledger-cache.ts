// Ledgers and reconciliations kept between requests while the data they come from is unchanged.
// A report call re-read the operation's whole ledger and reconciled it from scratch; now the
// ledger is read again only when the data version (the highest committed audit id, moved by
// every change to financial or reference data, whichever process made it) has moved, and each
// ledger is reconciled once per period scheme.
import type { Kysely } from "kysely";
import type { PeriodScheme, Reconciliation } from "@coherence/funding-model";
import { dataVersion } from "@coherence/db";
import type { Database } from "@coherence/db";
import type { Ledger } from "./load-ledger";
import { uncachedLedgers } from "./ledger-source";
import type { LedgerSource } from "./ledger-source";

export interface LedgerCacheOptions {
  /** What the cache keeps results of (default: read and reconciled afresh; tests count calls). */
  source?: LedgerSource;
  /**
   * Memory budget, in records (flows and budget lines): each kept ledger counts its records
   * once, plus once per reconciliation kept of it. Least recently used ledgers go first.
   * The default, 2 million, is a few hundred MB at the benchmark's ≈ 200 bytes per record.
   */
  maxRecords?: number;
  /** Reconciliations kept per ledger (one per period scheme), least recently used dropped first. */
  maxSchemes?: number;
}

interface Entry {
  version: number;
  ledger: Promise<Ledger>;
  /** Set once read: what its weight is computed from. */
  read?: Ledger;
}

const recordsOf = (ledger: Ledger) =>
  ledger.records.flows.length + ledger.records.requirementLines.length;

/**
 * A LedgerSource for one database that serves the same ledger (and reconciliations) until the
 * data version moves. Each call checks the version first (one small query), so a change made
 * by another process (the CLI) is seen as soon as it commits.
 * @example
 * const ledgers = new LedgerCache(db);
 * const ledger = await ledgers.ledger("MINUSCA"); // read
 * await ledgers.ledger("MINUSCA"); // the same object, unless something changed meanwhile
 */
export class LedgerCache implements LedgerSource {
  /** By operation code ("" = all operations), least recently used first. */
  readonly #entries = new Map<string, Entry>();
  readonly #reconciliations = new WeakMap<Ledger, Map<string, Reconciliation>>();
  readonly #source: LedgerSource;
  readonly #maxRecords: number;
  readonly #maxSchemes: number;

  constructor(
    private readonly db: Kysely<Database>,
    options: LedgerCacheOptions = {},
  ) {
    this.#source = options.source ?? uncachedLedgers(db);
    this.#maxRecords = options.maxRecords ?? 2_000_000;
    this.#maxSchemes = options.maxSchemes ?? 8;
  }

  async ledger(operationCode?: string): Promise<Ledger> {
    // Operation codes are never empty.
    const key = operationCode ?? "";
    // The version is read before the ledger: a change committed in between makes the entry
    // look older than it is (read again next time), never newer.
    const { version, settled } = await dataVersion(this.db);
    const entry = this.#entries.get(key);
    this.#entries.delete(key);
    if (entry?.version === version) {
      this.#entries.set(key, entry);
      return entry.ledger;
    }
    const ledger = this.#source.ledger(operationCode);
    if (!settled) return ledger; // another transaction may still commit below `version`
    const fresh: Entry = { version, ledger };
    this.#entries.set(key, fresh);
    ledger.then(
      (read) => {
        fresh.read = read;
        this.#trim();
      },
      () => {
        if (this.#entries.get(key) === fresh) this.#entries.delete(key);
      },
    );
    return ledger;
  }

  reconciliation(ledger: Ledger, scheme: PeriodScheme): Reconciliation {
    let bySchemes = this.#reconciliations.get(ledger);
    if (!bySchemes) {
      bySchemes = new Map();
      this.#reconciliations.set(ledger, bySchemes);
    }
    const key = JSON.stringify(scheme);
    const kept = bySchemes.get(key);
    bySchemes.delete(key);
    const rec = kept ?? this.#source.reconciliation(ledger, scheme);
    bySchemes.set(key, rec);
    for (const old of bySchemes.keys()) {
      if (bySchemes.size <= this.#maxSchemes) break;
      bySchemes.delete(old);
    }
    if (!kept) this.#trim();
    return rec;
  }

  /** Drops the least recently used ledgers (and their reconciliations) beyond the budget. */
  #trim(): void {
    const weight = (entry: Entry) =>
      entry.read
        ? recordsOf(entry.read) * (1 + (this.#reconciliations.get(entry.read)?.size ?? 0))
        : 0;
    let total = 0;
    for (const entry of this.#entries.values()) total += weight(entry);
    for (const [key, entry] of this.#entries) {
      // The most recently used ledger stays, whatever its size: the request in hand uses it.
      if (total <= this.#maxRecords || this.#entries.size <= 1) return;
      total -= weight(entry);
      this.#entries.delete(key);
    }
  }
}
