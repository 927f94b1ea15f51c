// The report period as the API accepts it; resolving it is shared with the CLI (@coherence/reports).
import { z } from "zod";
import { API_MESSAGES } from "../messages";
import { isoDate } from "../validators";

export { resolvePeriod } from "@coherence/reports";
export type { ResolvedPeriod } from "@coherence/reports";

const year = z.number().int().min(1945).max(2100);

export const periodInput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("calendar"), year }),
  z.object({ kind: z.literal("peacekeeping"), year }),
  z
    .object({ kind: z.literal("custom"), from: isoDate, to: isoDate })
    .refine((p) => p.from <= p.to, {
      path: ["to"],
      error: API_MESSAGES.period_order,
    }),
]);
export type PeriodInput = z.infer<typeof periodInput>;
