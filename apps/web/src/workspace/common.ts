// Helpers the workspace shares: who may write where (mirrors the server's scope check, which
// stays the authority), amounts between minor units and locale-typed text, and error details.
import { TRPCClientError } from "@trpc/client";
import type { AppRouter } from "@coherence/api";
import type { Me } from "../api-types";
import type { Locale } from "../i18n/messages";
import { requestErrorText } from "../i18n/server-text";
import { serverText } from "./server-messages";

export interface RecordScope {
  operationId: number | null;
  entityId: number | null;
}

/** True when the signed-in user may change a record of this operation and entity. */
export function canWrite(me: Me | undefined, record: RecordScope): boolean {
  if (!me) return false;
  if (me.role === "admin") return true;
  if (me.role !== "finance_officer") return false;
  return me.assignments.some(
    (a) =>
      (a.operationId === null || a.operationId === record.operationId) &&
      (a.entityId === null || a.entityId === record.entityId),
  );
}

function exponent(currency: string): number {
  try {
    return (
      new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions()
        .maximumFractionDigits ?? 2
    );
  } catch {
    return 2;
  }
}

/** Minor units as the plain decimal the API reads, e.g. 125050 USD → "1250.50", 500 JPY → "500". */
export function minorToDecimal(minor: number, currency: string): string {
  const digits = exponent(currency);
  const abs = BigInt(Math.abs(minor));
  const scale = 10n ** BigInt(digits);
  const whole = (abs / scale).toString();
  const sign = minor < 0 ? "-" : "";
  return digits === 0
    ? `${sign}${whole}`
    : `${sign}${whole}.${(abs % scale).toString().padStart(digits, "0")}`;
}

/**
 * An amount typed in the user's language to the API's plain decimal: group separators (space,
 * no-break space, apostrophe, or the other mark) dropped, the locale's decimal mark made a point.
 * `1 250,50` (fr) and `1,250.50` (en) → `1250.50`. Anything else is passed through for the
 * server to refuse with a field message.
 */
export function localeAmountToDecimal(text: string, intlLocale: string): string {
  const decimal =
    new Intl.NumberFormat(intlLocale).formatToParts(1.5).find((p) => p.type === "decimal")?.value ??
    ".";
  const group = decimal === "," ? "." : ",";
  let t = text.trim().replace(/[\s\u00a0\u202f']/g, "");
  if (decimal === "," && t.includes(",")) t = t.split(group).join("").replace(",", ".");
  else if (decimal === ".") t = t.split(group).join("");
  return t;
}

/** The plain decimal shown with the locale's decimal mark, for editing. */
export function decimalToLocale(decimal: string, intlLocale: string): string {
  const mark =
    new Intl.NumberFormat(intlLocale).formatToParts(1.5).find((p) => p.type === "decimal")?.value ??
    ".";
  return mark === "." ? decimal : decimal.replace(".", mark);
}

export type FieldErrors = Record<string, string[] | undefined>;

export interface ErrorInfo {
  code: string | null;
  message: string;
  fieldErrors: FieldErrors;
  conflictCurrent: Record<string, unknown> | null;
}

type Coded = { code: string | null; params: Record<string, string | number> } | null;

/** The codes of field messages, in the same places as the messages (see the API's fieldCodes). */
export type FieldCodes = Record<string, Coded[] | undefined>;

/** Field messages in the interface language (each English message beside its code). */
export function localFieldErrors(
  fieldErrors: FieldErrors,
  fieldCodes: FieldCodes | null | undefined,
  locale: Locale,
): FieldErrors {
  if (locale === "en" || !fieldCodes) return fieldErrors;
  return Object.fromEntries(
    Object.entries(fieldErrors).map(([field, messages]) => [
      field,
      messages?.map((text, i) => {
        const coded = fieldCodes[field]?.[i];
        return serverText({ text, code: coded?.code, params: coded?.params }, locale, "api");
      }),
    ]),
  );
}

/**
 * Code, field messages and the other version (CONFLICT) out of a tRPC error; the messages in
 * `locale` (the server sends each with a code: see server-messages.ts).
 */
export function errorInfo(error: unknown, locale: Locale = "en"): ErrorInfo {
  if (error instanceof TRPCClientError) {
    const e = error as TRPCClientError<AppRouter>;
    const data = e.data as
      | {
          code?: string;
          fieldErrors?: FieldErrors | null;
          fieldCodes?: Record<string, Coded[] | undefined> | null;
          messageCode?: Coded;
          conflict?: unknown;
        }
      | undefined;
    const conflict = data?.conflict as { current?: Record<string, unknown> } | null | undefined;
    return {
      code: data?.code ?? null,
      // The whole message, or (an input refused by its schema) its fields' messages.
      message: requestErrorText(e, locale),
      fieldErrors: localFieldErrors(data?.fieldErrors ?? {}, data?.fieldCodes, locale),
      conflictCurrent: conflict?.current ?? null,
    };
  }
  return {
    code: null,
    message: error instanceof Error ? error.message : String(error),
    fieldErrors: {},
    conflictCurrent: null,
  };
}

/** Tab-separated text (as Excel and LibreOffice copy it) to rows of cells; quoted cells kept whole. */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const t = text.replace(/\r\n?/g, "\n");
  for (let i = 0; i < t.length; i++) {
    const ch = t[i]!;
    if (quoted) {
      if (ch === '"' && t[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === "") quoted = true;
    else if (ch === "\t") {
      row.push(cell);
      cell = "";
    } else if (ch === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += ch;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ""));
}

/** The field messages to show for a refused save; a message that names no field goes under `_`. */
export function fieldErrorsOf(info: ErrorInfo): FieldErrors {
  return Object.keys(info.fieldErrors).length ? info.fieldErrors : { _: [info.message] };
}

/** A record's value as text ("" for none). */
export function cell(v: unknown): string {
  if (v === null || v === undefined) return "";
  return typeof v === "string" ? v : JSON.stringify(v);
}

/** Today's date, YYYY-MM-DD (UTC), the default date of a new record. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Text typed in an optional field: null when left blank. */
export function orNull(v: string): string | null {
  return v.trim() === "" ? null : v.trim();
}
