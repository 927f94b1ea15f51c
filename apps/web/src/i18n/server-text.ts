// What the server says, in the interface language. The server sends each message as a stable
// code with parameters beside its English text; English is shown as the server wrote it, French
// from a template of ours (an unknown code shows the server's English). Parameter values that
// are words (a status, a stage) or timestamps are said in the interface language too.
import { formatDateTime } from "../format";
import { apiMessagesFr } from "./api-messages-fr";
import { catalogs } from "./messages";
import type { Locale } from "./messages";

/** A message as the server sent it: code (maybe unknown), parameters and English text. */
export interface ServerMessage {
  code?: string | null | undefined;
  params?: Record<string, string | number> | null | undefined;
  text: string;
}

type Params = Record<string, string | number>;

/** Statuses and stages in words of the language, timestamps written for it. */
function localParams(params: Params, locale: Locale): Params {
  const statuses: Record<string, string> = catalogs[locale].statuses;
  const intl = locale === "fr" ? "fr-FR" : "en-US";
  return Object.fromEntries(
    Object.entries(params).map(([name, value]): [string, string | number] => {
      if (typeof value !== "string") return [name, value];
      if ((name === "status" || name === "stage") && statuses[value] !== undefined)
        return [name, statuses[value]];
      if (name === "at" && /^\d{4}-\d{2}-\d{2}T/.test(value))
        return [name, formatDateTime(value, intl)];
      return [name, value];
    }),
  );
}

/** `{name}` parameters filled in (a missing one is left as written). */
export function fillTemplate(template: string, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/**
 * A server message from a table of templates (by code) in the interface language.
 * @example localText({ code: "required", params: {}, text: "Required" }, "fr", apiMessagesFr) // → "Obligatoire"
 */
export function localText(
  message: ServerMessage,
  locale: Locale,
  templates: Readonly<Record<string, string>>,
): string {
  if (locale === "en" || !message.code) return message.text;
  const template = templates[message.code];
  return template === undefined
    ? message.text
    : fillTemplate(template, localParams(message.params ?? {}, locale));
}

/** One of the API's own messages (a refusal, a conflict, a field message) in the language. */
export function apiText(message: ServerMessage, locale: Locale): string {
  return localText(message, locale, apiMessagesFr);
}

type Coded = { code: string | null; params: Params } | null | undefined;

/** What a failed request's error carries (a TRPCClientError's `data`, from the error formatter). */
interface RequestError {
  message: string;
  data?: unknown;
}

/**
 * Why a request failed, in the interface language: its coded message, or else its fields'
 * messages (an input the server refused).
 * @example requestErrorText(loginError, "fr") // → "Nom d'utilisateur ou mot de passe incorrect"
 */
export function requestErrorText(error: RequestError, locale: Locale): string {
  const data = error.data as
    | {
        messageCode?: Coded;
        fieldErrors?: Record<string, string[] | undefined> | null;
        fieldCodes?: Record<string, Coded[] | undefined> | null;
      }
    | null
    | undefined;
  const fields = Object.entries(data?.fieldErrors ?? {}).flatMap(([field, texts]) =>
    (texts ?? []).map((text, i) => {
      const coded = data?.fieldCodes?.[field]?.[i];
      return apiText({ text, code: coded?.code, params: coded?.params }, locale);
    }),
  );
  if (fields.length > 0) return fields.join(" ");
  return apiText(
    { text: error.message, code: data?.messageCode?.code, params: data?.messageCode?.params },
    locale,
  );
}
