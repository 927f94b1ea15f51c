// The API's own messages (field errors, refusals, conflicts) as stable codes with parameters and
// their English text. Every error carries its code and parameters beside the English message
// (see the error formatter in trpc.ts), so that the web app says it in the user's language while
// scripts and the CLI keep reading English. Add a code, never change what one means.
import { codedMessages } from "@coherence/interchange";
import type { Coded } from "@coherence/interchange";
import type { z } from "zod";

export const API_MESSAGES = {
  // sign-in and roles
  sign_in_first: "Sign in first",
  reviewers_read_only: "Reviewers have read-only access",
  admin_only: "Only an administrator can do this",
  not_assigned: "You are not assigned to {what}: ask an administrator to assign you",
  not_assigned_flow:
    "You are not assigned to this flow's operation and recipient: ask an administrator to assign you",
  not_assigned_flow_of:
    "You are not assigned to operation {operation} / {recipient}: ask an administrator to assign you",
  import_outside_assignments: "This import touched records outside your assignments",
  // conflicts
  record_changed: "This record was changed by {who} at {at} (now version {version})",
  record_changed_unknown: "This record was changed by someone else at {at} (now version {version})",
  same_key_exists: "A record with the same key already exists",
  import_running: "An import of yours is still running: wait for it to finish",
  // field validation (validators.ts)
  date_format: "Use a date written YYYY-MM-DD",
  not_calendar_date: "Not a calendar date",
  required: "Required",
  code_too_long: "At most 40 characters",
  code_characters: "Use letters, digits, dot, dash, slash or underscore",
  amount_too_long: "Amount is too long",
  amount_format: "Write the amount as digits with a decimal point, e.g. 1250.50",
  unknown_currency: "Unknown currency code (use ISO 4217, e.g. USD, EUR)",
  period_order: "The period must not end before it starts",
  too_long: "At most {maximum} characters",
  too_short: "At least {minimum} characters",
  number_too_small: "Must be at least {minimum}",
  number_too_big: "Must be at most {maximum}",
  invalid_type: "Missing, or of the wrong type (expected {expected})",
  invalid_value: "Expected one of {values}",
  invalid_format: "Not in the expected format",
  // records and money
  unknown_organization: "Unknown organization {code}",
  unknown_operation: "Unknown operation {code}",
  unknown_task: "No priority task {task} in this operation's mandates",
  task_needs_operation: "A task needs an operation",
  amount_decimals: "{currency} allows {decimals} decimals",
  amount_one_decimal: "{currency} allows 1 decimal",
  amount_too_large: "The amount is too large",
  amount_invalid: "Not a valid {currency} amount",
  no_rate: "No {currency} rate in force on {date}: enter the UN operational rate first",
  status_forward_only: "A {status} contribution can only move forward (pledged → committed → paid)",
  status_date_before: "The new status cannot be dated before the current one ({date})",
  ref_twice_in_rows: "{ref} appears twice in these rows",
  ref_exists: "A flow with reference {ref} already exists",
  usd_needs_no_rate: "USD needs no rate",
  rate_would_leave_gap: "{what} dated {date} would have no {currency} rate in force",
  // the import wizard
  unknown_source: "Unknown organization {code}",
  columns_canonical_only: "Columns are mapped for CSV and XLSX files of a canonical kind only",
  columns_unknown: "No such column in {kind}: {columns}",
  columns_twice: "Two columns of the file map to {columns}",
  not_base64: "{file}: the content is not base64",
  job_not_found: "No such import job (or it expired)",
  job_failed: "The import failed on the server: nothing was written",
} as const satisfies Record<string, string>;

export type ApiMessageCode = keyof typeof API_MESSAGES;
export type ApiMessage = Coded<ApiMessageCode>;

/**
 * An API message by code, with the parameters its English template names.
 * @example apiMessage("unknown_operation", { code: "MINUSXX" }).text // → "Unknown operation MINUSXX"
 */
export const apiMessage = codedMessages(API_MESSAGES);

/** Codes of the messages without parameters, by their English text (zod keeps only the text). */
const BY_TEXT = new Map<string, ApiMessageCode>(
  (Object.entries(API_MESSAGES) as [ApiMessageCode, string][])
    .filter(([, text]) => !text.includes("{"))
    .map(([code, text]) => [text, code]),
);

/** What the web app needs to word one message: its code (null: show the English) and parameters. */
export interface MessageCode {
  code: ApiMessageCode | null;
  params: Record<string, string | number>;
}

/**
 * The code of a zod issue: our own validators' messages by their text, zod's checks by kind.
 * @example issueCode({ code: "too_big", origin: "string", maximum: 20, ... }) // → { code: "too_long", params: { maximum: 20 } }
 */
export function issueCode(issue: z.core.$ZodIssue): MessageCode {
  const own = BY_TEXT.get(issue.message);
  if (own) return { code: own, params: {} };
  switch (issue.code) {
    case "too_big":
      return issue.origin === "string"
        ? { code: "too_long", params: { maximum: Number(issue.maximum) } }
        : { code: "number_too_big", params: { maximum: Number(issue.maximum) } };
    case "too_small":
      if (issue.origin === "string")
        return Number(issue.minimum) === 1
          ? { code: "required", params: {} }
          : { code: "too_short", params: { minimum: Number(issue.minimum) } };
      return { code: "number_too_small", params: { minimum: Number(issue.minimum) } };
    case "invalid_type":
      return { code: "invalid_type", params: { expected: issue.expected } };
    case "invalid_value":
      return { code: "invalid_value", params: { values: issue.values.map(String).join(", ") } };
    case "invalid_format":
      return { code: "invalid_format", params: {} };
    default:
      return { code: null, params: {} };
  }
}
