// A mandate and its ranked priority tasks as the editor holds them (text, as typed), the live
// checks the server will make (two tasks may not share a rank or a code), and the API's input.
import { cell } from "./common";

export const MANDATE_FIELDS = [
  "resolution",
  "adoptedOn",
  "periodStart",
  "periodEnd",
  "militaryCeiling",
  "policeCeiling",
] as const;
export type MandateField = (typeof MANDATE_FIELDS)[number];
export type MandateForm = Record<MandateField, string>;

export interface TaskRow {
  /** Stable while editing (React key; new rows have no stored id). */
  key: string;
  code: string;
  title: string;
  rank: string;
  /** Added in this edit: its code may still be typed. */
  added: boolean;
}

export function mandateFormOf(row: Record<string, unknown>): MandateForm {
  return {
    resolution: cell(row.resolution),
    adoptedOn: cell(row.adopted_on),
    periodStart: cell(row.period_start),
    periodEnd: cell(row.period_end),
    militaryCeiling: cell(row.military_ceiling),
    policeCeiling: cell(row.police_ceiling),
  };
}

export function taskRowsOf(
  tasks: readonly { code: string; title: string; rank: number }[],
): TaskRow[] {
  return [...tasks]
    .sort((a, b) => a.rank - b.rank)
    .map((t) => ({
      key: t.code,
      code: t.code,
      title: t.title,
      rank: String(t.rank),
      added: false,
    }));
}

/** The rank a new task gets: one below the lowest-ranked (highest number) so far. */
export function nextRank(tasks: readonly TaskRow[]): number {
  return tasks.reduce((max, t) => Math.max(max, Number(t.rank) || 0), 0) + 1;
}

/** Ranks and codes that two or more tasks share: the server refuses them. */
export function taskClashes(tasks: readonly TaskRow[]): { ranks: Set<string>; codes: Set<string> } {
  const repeated = (values: string[]) => {
    const seen = new Set<string>();
    const twice = new Set<string>();
    for (const v of values) {
      if (v === "") continue;
      if (seen.has(v)) twice.add(v);
      seen.add(v);
    }
    return twice;
  };
  return {
    ranks: repeated(tasks.map((t) => String(Number(t.rank.trim()) || t.rank.trim()))),
    codes: repeated(tasks.map((t) => t.code.trim())),
  };
}

/** A whole number as typed, else NaN (the server names the field); blank → null. */
export function ceilingInput(text: string): number | null {
  const t = text.trim();
  if (t === "") return null;
  return /^\d+$/.test(t) ? Number(t) : Number.NaN;
}

export function tasksInput(tasks: readonly TaskRow[]) {
  return tasks.map((t) => ({
    code: t.code.trim(),
    title: t.title.trim(),
    rank: /^\d+$/.test(t.rank.trim()) ? Number(t.rank.trim()) : Number.NaN,
  }));
}

export function mandateInputOf(form: MandateForm, tasks: readonly TaskRow[]) {
  return {
    resolution: form.resolution.trim(),
    adoptedOn: form.adoptedOn,
    periodStart: form.periodStart,
    periodEnd: form.periodEnd,
    militaryCeiling: ceilingInput(form.militaryCeiling),
    policeCeiling: ceilingInput(form.policeCeiling),
    tasks: tasksInput(tasks),
  };
}

/** Tasks in rank order, one line each, to compare two versions. */
export function tasksText(
  tasks: readonly { code: string; title: string; rank: number | string }[],
): string {
  return [...tasks]
    .sort((a, b) => Number(a.rank) - Number(b.rank))
    .map((t) => `${t.rank}. ${t.code} ${t.title}`)
    .join("\n");
}
