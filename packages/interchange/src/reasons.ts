// Why a row or a file of an import is refused, as a stable code with parameters and its English
// text. The text goes to the command line and to API users as it always did (in `Problem.reason`
// and `formatProblem`); the code and parameters let the web app say the same in the user's
// language. A code is never reused for another meaning: add a code, never change one. A
// template's parameters are values (codes, numbers, dates, names from the file), never English
// words: a detail that needs words is a code of its own.

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
  not_xlsx_xls:
    "not an XLSX file (this is a legacy Excel (.xls) file: save it as .xlsx or UTF-8 CSV)",
  not_xlsx_pdf: "not an XLSX file (this is a PDF file, not text)",
  not_xlsx_utf16: "not an XLSX file (this is UTF-16 text: save it as UTF-8)",
  not_xlsx_binary: "not an XLSX file (binary file (contains NUL bytes))",
  xlsx_damaged: "not a readable XLSX file: it is truncated or damaged",
  empty_worksheet: "the worksheet is empty: it has no header row",
  not_utf8_text: "the file is not valid UTF-8 text",
  // XLSX cells that cannot be read
  cell_not_a_date: "not a valid date",
  cell_date_with_time: "a date with a time of day: give the date only",
  cell_not_finite: "not a finite number",
  cell_error: "the cell holds the error {error}",
  cell_formula_no_value: "a formula without a saved value: paste it as a value",
  cell_unknown_type: "a cell of an unknown type",
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
  crosswalk_sum:
    'shares sum to {sum}, not 1 (category "{category}" of taxonomy "{taxonomy}", lines {lines})',
  crosswalk_share_range:
    'share "{share}" is not a number in (0, 1] (category "{category}" of taxonomy "{taxonomy}", lines {lines})',
  crosswalk_listed_twice:
    'common category {common} listed twice (category "{category}" of taxonomy "{taxonomy}", lines {lines})',
  crosswalk_unknown_common:
    'unknown common category "{common}" (category "{category}" of taxonomy "{taxonomy}", lines {lines})',
  // against the database (the importer)
  unknown_operation: "unknown operation {code}",
  unknown_organization: "unknown organization {code} (import it first with the organizations kind)",
  no_task_in_mandates: "no priority task {task} in the mandates of {operation}",
  duplicate_across_files: "duplicate {columns}: already in {first}",
  duplicate_requirement_stage: "duplicate (external_ref, stage): already on line {line}",
  missing_rate: "no {currency} rate in force on {date}: import the UN operational rate first",
  usd_rate_one: "a USD rate must be 1",
  conversion_too_large: "too large once converted to USD",
  conversion_failed: "cannot be converted to USD at the {currency} rate in force on {date}",
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
  not_assigned_flows_no_operation:
    "you may not write flows to {recipient} without an operation: not in your assignments",
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
  // OCHA FTS files
  fts_missing_column: "missing column (is this an FTS flows export?)",
  fts_not_flow_object: "not a flow object",
  fts_missing_id: "missing flow id",
  fts_unknown_status: "unknown status: expected pledge, commitment or paid",
  fts_not_amount: "not a non-negative number",
  fts_usd_decimals: "more than 2 decimals",
  fts_unknown_boundary: "unknown boundary: expected incoming, internal or outgoing",
  fts_unknown_on_boundary: "unknown onBoundary: expected single or shared",
  json_truncated: "not valid JSON (a truncated download?): the file ends too soon",
  json_invalid: "not valid JSON (a truncated or damaged download?)",
  fts_answer_array:
    "not an FTS flow answer: expected an object with data.flows (fts/flow/custom-search), found a JSON array",
  fts_answer_object:
    "not an FTS flow answer: expected an object with data.flows (fts/flow/custom-search), found an object with keys {keys}",
  fts_answer_value:
    "not an FTS flow answer: expected an object with data.flows (fts/flow/custom-search), found a JSON {type}",
  // IATI activity files (XML)
  iati_not_activity_file:
    "not an IATI activity file: the root element is <{root}>, expected <iati-activities>",
  iati_no_identifier: "an activity without an identifier",
  iati_version: "IATI version {version}: only 2.0x activity files are supported",
  iati_transaction_currency: "unknown currency code (transaction {index} of {activity})",
  iati_budget_currency: "unknown currency code (budget {index} of {activity})",
  xml_unclosed: "not well-formed XML: element <{tag}> is never closed (a truncated download?)",
  xml_unexpected_end: "not well-formed XML: the file ends too soon (a truncated download?)",
  xml_undefined_entity: "not well-formed XML: an undefined entity",
  xml_not_well_formed: "not well-formed XML",
  xml_entities:
    "the file declares XML entities in its DOCTYPE: refused (entity expansion and external entities are unsafe)",
  xml_too_deep: "elements nested more than 200 deep",
  xml_no_element: "no XML element found",
  // UN operational rates of exchange
  un_rates_no_header: "no header row with the columns {columns}",
  not_positive_decimal: "not a positive decimal number",
  un_rates_date:
    "not a date (accepted: 2025-01-01, 1-Jan-2025, 01-JAN-25, 1 January 2025, 01.01.2025)",
  un_rates_conflict: "conflicts with line {line}: {currency} on {date} is {rate} there",
  // why undoing an import is refused (or a record is kept)
  undo_changed_by: "changed since the import by {who} at {at}",
  undo_changed: "changed since the import",
  undo_deleted: "deleted since the import",
  undo_not_assigned: "not in your assignments",
  undo_kept_referenced: "kept: deleted records still refer to it (they stay in the history)",
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

/** A problem's reason fields from a coded reason. */
export function reasonFields(value: Reason): {
  reason: string;
  code: ReasonCode;
  params: ReasonParams;
} {
  return { reason: value.text, code: value.code, params: value.params };
}
