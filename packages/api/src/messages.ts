// The API's own messages (field errors, refusals, conflicts) as stable codes with parameters and
// their English text. Every error carries its code and parameters beside the English message
// (see the error formatter in trpc.ts), so that the web app says it in the user's language while
// scripts and the CLI keep reading English. Add a code, never change what one means.
import { codedMessages } from "@coherence/interchange";
import type { Coded } from "@coherence/interchange";
import type { z } from "zod";

export const API_MESSAGES = {
  // sign-in, accounts and tokens
  sign_in_first: "Sign in first",
  reviewers_read_only: "Reviewers have read-only access",
  admin_only: "Only an administrator can do this",
  enter_username: "Enter your username",
  enter_password: "Enter your password",
  wrong_credentials: "Wrong username or password",
  too_many_sign_ins: "Too many failed sign-ins: wait 15 minutes and try again",
  no_user_account: "No user account",
  current_password_wrong: "The current password is wrong",
  token_needs_password: "Sign in with a password to issue tokens",
  token_not_found: "No such token of yours",
  username_characters: "Use lower-case letters, digits, . _ @ -",
  assignment_empty: "Name an operation, an entity or both",
  assignment_unknown_operation: "Assignment {index}: unknown operation {code}",
  assignment_unknown_entity: "Assignment {index}: unknown entity {code}",
  account_changed: "This account was changed by someone else: reload it",
  // a finance officer's assignments
  not_assigned_flow:
    "You are not assigned to this flow's operation and recipient: ask an administrator to assign you",
  not_assigned_flow_of:
    "You are not assigned to operation {operation} / {recipient}: ask an administrator to assign you",
  not_assigned_flow_no_operation:
    "You are not assigned to {recipient} outside an operation: ask an administrator to assign you",
  not_assigned_budget_line:
    "You are not assigned to this budget line's operation and entity: ask an administrator to assign you",
  not_assigned_budget_line_of:
    "You are not assigned to operation {operation} / {entity}: ask an administrator to assign you",
  not_assigned_operation:
    "You are not assigned to operation {operation}: ask an administrator to assign you",
  not_assigned_mandate:
    "You are not assigned to this mandate's operation: ask an administrator to assign you",
  not_assigned_taxonomy: "You are not assigned to an entity using taxonomy {taxonomy}",
  import_outside_assignments: "This import touched records outside your assignments",
  // conflicts
  record_changed: "This record was changed by {who} at {at} (now version {version})",
  record_changed_unknown: "This record was changed by someone else at {at} (now version {version})",
  crosswalk_changed:
    "The crosswalk of {taxonomy}/{category} was changed by {who} since you opened it",
  crosswalk_changed_unknown:
    "The crosswalk of {taxonomy}/{category} was changed by someone else since you opened it",
  same_key_exists: "A record with the same key already exists",
  import_running: "An import of yours is still running: wait for it to finish",
  // field validation (validators.ts and the routers' own checks)
  date_required: "Enter a date, written YYYY-MM-DD",
  date_format: "Use a date written YYYY-MM-DD",
  not_calendar_date: "Not a calendar date",
  required: "Required",
  code_too_long: "At most 40 characters",
  code_characters: "Use letters, digits, dot, dash, slash or underscore",
  amount_too_long: "Amount is too long",
  amount_format: "Write the amount as digits with a decimal point, e.g. 1250.50",
  unknown_currency: "Unknown currency code (use ISO 4217, e.g. USD, EUR)",
  period_order: "The period must not end before it starts",
  years_range: "Choose up to 30 years, in order",
  task_bucket: "A task's figure is in the task bucket: leave the bucket out or make it task",
  too_long: "At most {maximum} characters",
  too_short: "At least {minimum} characters",
  number_too_small: "Must be at least {minimum}",
  number_too_big: "Must be at most {maximum}",
  invalid_type: "Missing, or of the wrong type (expected {expected})",
  invalid_value: "Expected one of {values}",
  invalid_format: "Not in the expected format",
  unknown_keys: "Unknown fields: {keys}",
  units_per_usd_format: "Units of the currency per 1 USD, e.g. 0.775",
  rate_positive: "A rate must be greater than zero",
  country_code: "An ISO 3166 alpha-3 code, e.g. CAF",
  month_range: "A month 1–12",
  rate_percent_format: "A percentage with up to 6 decimals, e.g. 26.94",
  too_many_columns: "At most 500 columns",
  mandate_needs_task: "A mandate needs at least one priority task",
  tasks_share_rank: "Two tasks share a rank",
  tasks_share_code: "Two tasks share a code",
  // records
  record_not_found: "No {table} record with id {id}",
  unknown_organization: "Unknown organization {code}",
  unknown_operation: "Unknown operation {code}",
  unknown_task: "No priority task {task} in this operation's mandates",
  unknown_taxonomy: "No taxonomy {code}",
  unknown_mandate: "No mandate {resolution} in {operation}",
  rate_not_found: "No such rate",
  already_deleted: "Already deleted",
  not_deleted: "Not deleted",
  record_referenced: "The record refers to something that does not exist, or is still referred to",
  ledger_rule: "The value breaks a rule of the ledger (e.g. a negative amount)",
  task_needs_operation: "A task needs an operation",
  budget_line_stage_exists: "Budget line {ref} already has a {stage} row",
  // crosswalk shares (funding-model's validateCrosswalk)
  crosswalk_sum: "The shares sum to {sum}, not 1",
  crosswalk_share_range: "Share {share} is not a number greater than 0 and at most 1",
  crosswalk_listed_twice: "{common} is listed twice",
  crosswalk_unknown_common: "Unknown common category {common}",
  // money, rates and the funding model's refusals
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
  flow_would_lose_rate: "Flow {ref} dated {date} would have no {currency} rate in force",
  budget_line_would_lose_rate:
    "Budget line {ref} dated {date} would have no {currency} rate in force",
  rate_invalid: "Not a usable rate: units of the currency per 1 USD, greater than zero",
  date_invalid: "Not a valid date or period",
  computation_refused: "The figures cannot be computed from these records ({code})",
  // the import wizard
  unknown_source: "Unknown organization {code}",
  columns_canonical_only: "Columns are mapped for CSV and XLSX files of a canonical kind only",
  columns_unknown: "No such column in {kind}: {columns}",
  columns_twice: "Two columns of the file map to {columns}",
  not_base64: "{file}: the content is not base64",
  files_or_upload: "Give either the files or the id of an uploaded file",
  upload_too_large: "At most 20 MB of files at once",
  upload_not_found: "No such uploaded file (or it expired): choose the file again",
  uploads_full: "The server holds too many uploaded files right now: try again in a few minutes",
  job_not_found: "No such import job (or it expired)",
  job_failed: "The import failed on the server: nothing was written",
  import_not_found: "No import #{id}",
  import_already_undone: "Import #{id} was already undone at {at} by {who}",
  mapping_invalid: "The mapping is not valid",
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
    case "unrecognized_keys":
      return { code: "unknown_keys", params: { keys: issue.keys.join(", ") } };
    case "invalid_format":
    case "invalid_union":
    case "invalid_key":
    case "invalid_element":
    case "not_multiple_of":
      return { code: "invalid_format", params: {} };
    default:
      // A custom check whose message is not in the catalog (none of ours: see the tests).
      return { code: null, params: {} };
  }
}
