// Why a row or a file of an import is refused, as a stable code with parameters and its English
// text. The text goes to the command line and to API users as it always did (in `Problem.reason`
// and `formatProblem`); the code and parameters let the web app say the same in the user's
// language. A code is never reused for another meaning: add a code, never change one.

/** English templates; `{name}` is a parameter. */
export const REASONS = {
  // cells
  required_empty: "required, but empty",
  unknown_value: "unknown value: expected one of {values}",
  not_a_date: "not a date: expected YYYY-MM-DD",
  no_such_date: "no such date",
  ends_before: "ends before {start_column} ({start})",
  unknown_currency: "unknown currency code",
  unknown_currency_case: "unknown currency code (codes are upper case)",
  negative_amount: "negative amounts are not allowed",
  thousands_separator: "thousands separators are not allowed",
  comma_in_number:
    "a comma is not allowed in a number (no thousands separators; a decimal comma only in semicolon-separated files)",
  spaces_in_number: "spaces are not allowed in a number",
  not_a_decimal: "not a decimal number",
  amount_decimals: "{currency} allows {decimals} decimals",
  amount_one_decimal: "{currency} allows 1 decimal",
  amount_too_large: "too large",
  must_be_positive: "must be greater than 0",
  not_whole_number: "not a whole number",
  out_of_range: "must be between {min} and {max}",
  not_a_share: 'not a share: expected a decimal ("0.25") or a fraction ("1/3")',
  share_positive: "must be greater than 0 (and a fraction's denominator too)",
  rate_over_100: "a rate cannot exceed 100 percent",
  not_country_code: "not an ISO 3166-1 alpha-3 country code (e.g. CAF)",
  period_both_or_neither: "give both period_start and period_end, or neither",
  task_needs_operation: "a task needs an operation",
  given_without_amount_usd: "given without amount_usd",
  // rows and header
  column_no_name: "column {index} has no name",
  column_twice: "this column appears twice",
  unknown_column: "unknown column (the {kind} columns are {expected})",
  missing_column: "missing column",
  row_extra_fields:
    "the row has {fields} fields but the header has {columns} (a missing quote, or a stray delimiter?)",
  row_missing_fields:
    "the row has {fields} fields but the header has {columns} (a missing delimiter, or the wrong one?)",
  duplicate_key: "duplicate {columns}: already on line {line}",
  text_after_quote: "text after a closing quote",
  quote_in_unquoted: "a quote inside an unquoted field",
  // whole file
  no_header_row: "the file has no header row",
  empty_file: "the file is empty (0 bytes)",
  tab_separated: "the file is tab-separated: use a comma or a semicolon as the delimiter",
  invalid_utf8: 'the file is not valid UTF-8 text (save it as "CSV UTF-8")',
  unclosed_quote: "a quoted field is never closed",
  record_too_long: "a record longer than {max} characters starts here (an unclosed quote?)",
  no_worksheet: "the workbook has no worksheet",
  binary_zip: "this is a ZIP/XLSX file, not text",
  binary_xls: "this is a legacy Excel (.xls) file: save it as .xlsx or UTF-8 CSV",
  binary_pdf: "this is a PDF file, not text",
  binary_utf16: "this is UTF-16 text: save it as UTF-8",
  binary_nul: "binary file (contains NUL bytes)",
  not_xlsx_text: "not an XLSX file (it looks like text: import it as CSV)",
  not_xlsx: "not an XLSX file ({detail})",
  xlsx_damaged: "not a readable XLSX file: it is truncated or damaged ({detail})",
  cells_unreadable: "{details}",
  empty_worksheet: "the worksheet is empty: it has no header row",
  // groups of rows
  mandate_differs: "differs from line {line} of the same mandate ({expected})",
  mandate_differs_empty: "differs from line {line} of the same mandate (empty)",
  operation_other_country: "operation {operation} is in {country} on line {line}",
  rank_taken: "rank {rank} is already task {task} on line {line}",
  requirement_differs:
    "differs from line {line}, the {stage} row of budget line {ref} ({expected})",
  requirement_differs_empty:
    "differs from line {line}, the {stage} row of budget line {ref} (empty)",
  scale_sum:
    'the rates of scale "{scale}" for {from}..{to} sum to {total} percent, not 100 ({rows} rows from line {line})',
  crosswalk_invalid: '{details} (category "{category}" of taxonomy "{taxonomy}", lines {lines})',
  // against the database (the importer)
  unknown_operation: "unknown operation {code}",
  unknown_organization: "unknown organization {code} (import it first with the organizations kind)",
  no_task_in_mandates: "no priority task {task} in the mandates of {operation}",
  duplicate_across_files: "duplicate {columns}: already in {first}",
  duplicate_requirement_stage: "duplicate (external_ref, stage): already on line {line}",
  missing_rate: "no {currency} rate in force on {date}: import the UN operational rate first",
  usd_rate_one: "a USD rate must be 1",
  conversion_failed: "{detail}",
  not_member_state: "{member} is not a member state (kind {kind})",
  scale_sum_database:
    "scale {scale} from {from} would sum to {total} in the database, not 100 (it has rates for member states this file does not list)",
  operation_country_database: "operation {operation} is in {country} in the database",
  mandate_row_rejected:
    "another row of this mandate was rejected (line {line}): the mandate is kept whole or not at all",
  changed_during_import:
    "this {table} record was changed by someone else while the import ran: import again",
  flow_changed_during_import:
    "this flow was changed by someone else while the import ran: import again",
  rate_changed_during_import:
    "this rate was changed by someone else while the import ran: import again",
  // the caller's rights
  not_assigned_flows:
    "you may not write flows of operation {operation} to {recipient}: not in your assignments",
  not_assigned_flow_change:
    "you may not change this flow: its operation and recipient are not in your assignments",
  not_assigned_budget_lines:
    "you may not write budget lines of {operation} for {entity}: not in your assignments",
  not_assigned_budget_line_change: "you may not change this budget line: not in your assignments",
  not_assigned_mandates: "you may not write mandates of {operation}: not in your assignments",
  not_assigned_taxonomy: "you may not change taxonomy {taxonomy}: no entity of yours uses it",
  admin_only_organizations: "only an administrator may create or change organizations",
  admin_only_rates: "only an administrator may set exchange rates",
  admin_only_scales: "only an administrator may set scales of assessment",
  admin_only_operations:
    "unknown operation {operation}: only an administrator may create operations",
  rename_operation: "you may not rename this operation",
} as const satisfies Record<string, string>;

export type ReasonCode = keyof typeof REASONS;
export type ReasonParams = Record<string, string | number>;

/** A message by code: its parameters and the English text made from them. */
export interface Coded<C extends string = string> {
  code: C;
  params: ReasonParams;
  text: string;
}

/** A reason: its code, its parameters and the English text made from them. */
export type Reason = Coded<ReasonCode>;

/** The parameter names of a template: "a {x} b {y}" → "x" | "y". */
type ParamNames<T extends string> = T extends `${string}{${infer P}}${infer Rest}`
  ? P | ParamNames<Rest>
  : never;
type ParamsFor<T extends string> = [ParamNames<T>] extends [never]
  ? []
  : [Record<ParamNames<T>, string | number>];

/**
 * Fills a template's `{name}` parameters (a missing one is left as written).
 * @example fillTemplate("must be between {min} and {max}", { min: 1, max: 12 }) // → "must be between 1 and 12"
 */
export function fillTemplate(template: string, params: ReasonParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/**
 * A catalog of coded messages: a function giving a message by code, with the parameters its
 * English template names (checked by the compiler). The API uses one for its own messages.
 * @example const message = codedMessages({ hello: "hello {name}" }); message("hello", { name: "Ana" }).text // → "hello Ana"
 */
export function codedMessages<const T extends Record<string, string>>(templates: T) {
  return <C extends keyof T & string>(code: C, ...[params]: ParamsFor<T[C]>): Coded<C> => {
    const p: ReasonParams = params ?? {};
    return { code, params: p, text: fillTemplate(templates[code]!, p) };
  };
}

/**
 * A reason by code, with the parameters its template names.
 * @example reason("out_of_range", { min: 1, max: 12 }).text // → "must be between 1 and 12"
 */
export const reason = codedMessages(REASONS);

/** A problem's reason fields from a coded reason or (formats not coded yet) a plain text. */
export function reasonFields(value: Reason | string): {
  reason: string;
  code?: ReasonCode;
  params?: ReasonParams;
} {
  return typeof value === "string"
    ? { reason: value }
    : { reason: value.text, code: value.code, params: value.params };
}
