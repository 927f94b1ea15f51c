// Input validators shared by the routers. Amounts arrive as decimal strings and leave as
// integer minor units: a float never touches them.
import { z } from "zod";

const MAX_CENTS = Number.MAX_SAFE_INTEGER;

/** A real calendar date written YYYY-MM-DD. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Use a date written YYYY-MM-DD" })
  .refine(
    (value) => {
      const [y, m, d] = value.split("-").map(Number) as [number, number, number];
      const date = new Date(Date.UTC(y, m - 1, d));
      return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
    },
    { error: "Not a calendar date" },
  );

/** A non-negative USD amount with at most two decimals, e.g. "1250.5", → integer cents. */
export const usdAmount = z
  .string()
  .max(24)
  .regex(/^\d+(\.\d{1,2})?$/, {
    error: "Write the amount as digits with at most 2 decimals, e.g. 1250.50",
  })
  .transform((value, ctx) => {
    const [whole = "0", fraction = ""] = value.split(".");
    const cents = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, "0"));
    if (cents > BigInt(MAX_CENTS)) {
      ctx.addIssue({ code: "custom", message: "Amount is too large" });
      return z.NEVER;
    }
    return Number(cents);
  });
