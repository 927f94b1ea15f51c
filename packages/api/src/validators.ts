// Input validators shared by the routers. Amounts arrive as decimal strings and are turned
// into integer minor units by the funding model (per their currency's exponent): a float
// never touches them.
import { z } from "zod";
import { isKnownCurrency } from "@coherence/funding-model";
import { API_MESSAGES, apiMessage } from "./messages";

/**
 * A real calendar date written YYYY-MM-DD, with one message whatever is wrong: empty, not in
 * that form, or no such day (each check stops the ones after it).
 */
export const isoDate = z
  .string()
  .min(1, { error: API_MESSAGES.date_required, abort: true })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: API_MESSAGES.date_format, abort: true })
  .refine(
    (value) => {
      const [y, m, d] = value.split("-").map(Number) as [number, number, number];
      const date = new Date(Date.UTC(y, m - 1, d));
      return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
    },
    { error: API_MESSAGES.not_calendar_date },
  );

/** A record code such as an operation, organization or task code. */
export const code = z
  .string()
  .trim()
  .min(1, { error: API_MESSAGES.required })
  .max(40, { error: API_MESSAGES.code_too_long })
  .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/, {
    error: API_MESSAGES.code_characters,
  });

/** A non-negative decimal amount as text, e.g. "1250.50"; its decimals are checked per currency. */
export const amountText = z
  .string()
  .trim()
  .max(24, { error: API_MESSAGES.amount_too_long })
  .regex(/^\d+(\.\d+)?$/, {
    error: API_MESSAGES.amount_format,
  });

/** An ISO 4217 currency code known to the funding model. */
export const currency = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isKnownCurrency, { error: API_MESSAGES.unknown_currency });

export const text = (max: number) =>
  z.string().max(max, { error: apiMessage("too_long", { maximum: max }).text });

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
  error: API_MESSAGES.period_order,
};
