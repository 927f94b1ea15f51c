// Input validators shared by the routers. Amounts arrive as decimal strings and are turned
// into integer minor units by the funding model (per their currency's exponent): a float
// never touches them.
import { z } from "zod";
import { isKnownCurrency } from "@coherence/funding-model";

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

/** A record code such as an operation, organization or task code. */
export const code = z
  .string()
  .trim()
  .min(1, { error: "Required" })
  .max(40, { error: "At most 40 characters" })
  .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/, {
    error: "Use letters, digits, dot, dash, slash or underscore",
  });

/** A non-negative decimal amount as text, e.g. "1250.50"; its decimals are checked per currency. */
export const amountText = z
  .string()
  .trim()
  .max(24, { error: "Amount is too long" })
  .regex(/^\d+(\.\d+)?$/, {
    error: "Write the amount as digits with a decimal point, e.g. 1250.50",
  });

/** An ISO 4217 currency code known to the funding model. */
export const currency = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isKnownCurrency, { error: "Unknown currency code (use ISO 4217, e.g. USD, EUR)" });

export const text = (max: number) => z.string().max(max, { error: `At most ${max} characters` });

export const pagination = {
  limit: z.number().int().min(1).max(500).default(50),
  offset: z.number().int().min(0).max(10_000_000).default(0),
};

export const id = z.number().int().positive();
export const version = z.number().int().positive();

/** Check that a [start, end] pair is in order, reporting on the end field. */
export function periodInOrder(value: { periodStart: string; periodEnd: string }): boolean {
  return value.periodStart <= value.periodEnd;
}
export const periodOrderMessage = {
  path: ["periodEnd"],
  error: "The period must not end before it starts",
};
