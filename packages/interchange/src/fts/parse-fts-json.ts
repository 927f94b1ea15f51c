import { isKnownCurrency } from "@coherence/funding-model";
import type { Earmarking, IsoDate } from "@coherence/funding-model";
import type { ByteSource } from "../bytes";
import { binaryReasonCoded, readAllBytes } from "../bytes";
import { numberToDecimalString, significantDigits } from "../decimal";
import type { Problem } from "../problem";
import { fileProblem } from "../problem";
import { reason, reasonFields } from "../reasons";
import type { Reason } from "../reasons";
import { FTS_EARMARKING, FTS_STATUSES } from "./types";
import type { FtsBoundary, FtsFlow, FtsObject, FtsOnBoundary, FtsStatus } from "./types";

/** What one FTS API page held: its flows, its problems and FTS's own totals (meta). */
export interface FtsJsonPage {
  flows: FtsFlow[];
  problems: Problem[];
  /** `data.incoming` of the answer: FTS's own totals for the query, if present. */
  incoming: {
    fundingTotal: number | null;
    pledgeTotal: number | null;
    flowCount: number | null;
  } | null;
  /** `meta.count`: number of flows of the whole query (all pages). */
  count: number | null;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = Record<string, Json>;

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function lineOfPosition(text: string, message: string): number | null {
  const match = /position (\d+)/.exec(message);
  if (!match) return null;
  const position = Number(match[1]);
  let line = 1;
  for (let i = 0; i < position && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** A JSON number or numeric string as an exact decimal string (≤ 15 significant digits). */
export function jsonDecimal(value: Json | undefined): string | null | undefined {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < 0) return undefined;
    const text = numberToDecimalString(value);
    return significantDigits(text) > 15 ? undefined : text;
  }
  if (typeof value === "string" && /^\d+(?:\.\d+)?$/.test(value.trim())) return value.trim();
  return undefined;
}

function isoDay(value: Json | undefined): IsoDate | null {
  if (typeof value !== "string") return null;
  const match = /^(\d{4}-\d{2}-\d{2})/.exec(value);
  return match ? match[1]! : null;
}

function text(value: Json | undefined): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  return null;
}

function objects(value: Json | undefined): FtsObject[] {
  if (!Array.isArray(value)) return [];
  const result: FtsObject[] = [];
  for (const o of value) {
    if (!isObject(o) || typeof o.type !== "string") continue;
    const behavior = o.behavior === "single" || o.behavior === "shared" ? o.behavior : null;
    result.push({ type: o.type, id: text(o.id), name: text(o.name) ?? "", behavior });
  }
  return result;
}

function earmarkingOf(value: Json | undefined): Earmarking | null {
  const words = Array.isArray(value) ? value : [value];
  for (const word of words)
    if (typeof word === "string" && word.toLowerCase() in FTS_EARMARKING)
      return FTS_EARMARKING[word.toLowerCase()]!;
  return null;
}

/**
 * Reads one FTS flow object (from the API's `data.flows`). Returns null with problems when a
 * field Coherence needs is missing or malformed.
 */
export function readFtsFlow(
  raw: Json,
  where: string,
  file: string,
  problems: Problem[],
): FtsFlow | null {
  const problem = (field: string, value: Json | undefined, why: Reason) =>
    problems.push({
      file,
      line: null,
      column: `${where}.${field}`,
      value: value === undefined ? null : typeof value === "string" ? value : JSON.stringify(value),
      ...reasonFields(why),
    });
  if (!isObject(raw)) {
    problem("", raw, reason("fts_not_flow_object"));
    return null;
  }
  const before = problems.length;
  const id = text(raw.id);
  if (id === null || id === "") problem("id", raw.id, reason("fts_missing_id"));
  const status = raw.status;
  if (typeof status !== "string" || !(status in FTS_STATUSES))
    problem("status", status, reason("fts_unknown_status"));
  const amountUsd = jsonDecimal(raw.amountUSD);
  if (amountUsd === null || amountUsd === undefined)
    problem("amountUSD", raw.amountUSD, reason("fts_not_amount"));
  let amountUsdCents = 0;
  if (amountUsd) {
    const [whole, fraction = ""] = amountUsd.split(".");
    if (fraction.length > 2) problem("amountUSD", raw.amountUSD, reason("fts_usd_decimals"));
    else amountUsdCents = Number(whole! + fraction.padEnd(2, "0"));
    if (!Number.isSafeInteger(amountUsdCents))
      problem("amountUSD", raw.amountUSD, reason("amount_too_large"));
  }
  const originalAmount = jsonDecimal(raw.originalAmount);
  if (originalAmount === undefined)
    problem("originalAmount", raw.originalAmount, reason("fts_not_amount"));
  const originalCurrency = text(raw.originalCurrency);
  if (originalCurrency !== null && !isKnownCurrency(originalCurrency))
    problem("originalCurrency", raw.originalCurrency, reason("unknown_currency"));
  const exchangeRate = jsonDecimal(raw.exchangeRate);
  if (exchangeRate === undefined)
    problem("exchangeRate", raw.exchangeRate, reason("fts_not_amount"));
  const boundary = raw.boundary;
  if (
    boundary !== undefined &&
    boundary !== null &&
    boundary !== "incoming" &&
    boundary !== "internal" &&
    boundary !== "outgoing"
  )
    problem("boundary", boundary, reason("fts_unknown_boundary"));
  const onBoundary = raw.onBoundary;
  if (
    onBoundary !== undefined &&
    onBoundary !== null &&
    onBoundary !== "single" &&
    onBoundary !== "shared"
  )
    problem("onBoundary", onBoundary, reason("fts_unknown_on_boundary"));
  if (problems.length > before) return null;
  const versionId =
    typeof raw.versionId === "number" && Number.isSafeInteger(raw.versionId) ? raw.versionId : null;
  return {
    id: id!,
    versionId,
    status: status as FtsStatus,
    boundary: (boundary as FtsBoundary | undefined) ?? null,
    onBoundary: (onBoundary as FtsOnBoundary | undefined) ?? null,
    amountUsdCents,
    originalAmount: originalAmount ?? null,
    originalCurrency,
    exchangeRate: exchangeRate ?? null,
    date: isoDay(raw.date),
    decisionDate: isoDay(raw.decisionDate),
    firstReportedDate: isoDay(raw.firstReportedDate),
    budgetYear: text(raw.budgetYear),
    description: text(raw.description),
    flowType: text(raw.flowType),
    contributionType: text(raw.contributionType),
    method: text(raw.method),
    newMoney: typeof raw.newMoney === "boolean" ? raw.newMoney : null,
    refCode: text(raw.refCode),
    keywords: Array.isArray(raw.keywords)
      ? raw.keywords.filter((k): k is string => typeof k === "string")
      : [],
    earmarking: earmarkingOf(raw.grandBargainEarmarkingType),
    parentFlowId: text(raw.parentFlowId),
    childFlowIds: Array.isArray(raw.childFlowIds)
      ? raw.childFlowIds.map(text).filter((c): c is string => c !== null)
      : [],
    sourceObjects: objects(raw.sourceObjects),
    destinationObjects: objects(raw.destinationObjects),
    file,
    line: null,
  };
}

/** Why a JSON document is not an FTS answer: what it is instead. */
function notAnAnswer(root: Json): Reason {
  if (Array.isArray(root)) return reason("fts_answer_array");
  if (isObject(root))
    return reason("fts_answer_object", { keys: Object.keys(root).slice(0, 5).join(", ") });
  return reason("fts_answer_value", { type: root === null ? "null" : typeof root });
}

function numberOrNull(value: Json | undefined): number | null {
  return typeof value === "number" ? value : null;
}

/**
 * Reads one page of an FTS API answer (`fts/flow/custom-search`): `{ data: { flows: [...] } }`.
 * Truncated JSON, or JSON of another shape, is a clear problem, never an exception.
 * @example const page = parseFtsJson(await fs.promises.readFile("page-1.json"), "page-1.json");
 */
export async function parseFtsJson(source: ByteSource, file: string): Promise<FtsJsonPage> {
  const page: FtsJsonPage = { flows: [], problems: [], incoming: null, count: null };
  const bytes = await readAllBytes(source);
  if (bytes.length === 0) {
    page.problems.push(fileProblem(file, reason("empty_file")));
    return page;
  }
  const binary = binaryReasonCoded(bytes);
  if (binary) {
    page.problems.push(fileProblem(file, binary));
    return page;
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    page.problems.push(fileProblem(file, reason("not_utf8_text")));
    return page;
  }
  let root: Json;
  try {
    root = JSON.parse(text) as Json;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // The engine's own words are English and about its parser: said as one of two codes.
    const position = /position (\d+)/.exec(message);
    const truncated =
      /end of (JSON )?input/i.test(message) ||
      (position !== null && Number(position[1]) >= text.trimEnd().length);
    page.problems.push(
      fileProblem(
        file,
        reason(truncated ? "json_truncated" : "json_invalid"),
        lineOfPosition(text, message),
      ),
    );
    return page;
  }
  const data = isObject(root) ? root.data : undefined;
  if (!isObject(data) || !Array.isArray(data.flows)) {
    page.problems.push(fileProblem(file, notAnAnswer(root)));
    return page;
  }
  data.flows.forEach((raw, i) => {
    const flow = readFtsFlow(raw, `data.flows[${i}]`, file, page.problems);
    if (flow) page.flows.push(flow);
  });
  if (isObject(data.incoming))
    page.incoming = {
      fundingTotal: numberOrNull(data.incoming.fundingTotal),
      pledgeTotal: numberOrNull(data.incoming.pledgeTotal),
      flowCount: numberOrNull(data.incoming.flowCount),
    };
  const meta = isObject(root) ? root.meta : undefined;
  if (isObject(meta)) page.count = numberOrNull(meta.count);
  return page;
}
