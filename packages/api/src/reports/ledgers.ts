// The ledgers a request's reports read: the server's cache when the context carries one.
import { uncachedLedgers } from "@coherence/reports";
import type { LedgerSource } from "@coherence/reports";
import type { Context } from "../trpc";

export function ledgersOf(ctx: Pick<Context, "db" | "ledgers">): LedgerSource {
  return ctx.ledgers ?? uncachedLedgers(ctx.db);
}
