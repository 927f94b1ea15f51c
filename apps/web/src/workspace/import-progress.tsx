// The progress of an import committed as a server job: polled until it ends, drawn as a real
// progress bar (rows checked and written out of the total) and handed back when done.
import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useRef } from "react";
import { useLocale } from "../i18n/locale";
import { useTRPC } from "../trpc";
import { useImportMessages } from "./import-messages";

/** How often the wizard asks: often enough to move, rarely enough to cost nothing. */
const POLL_MS = 250;

export interface JobEnd<T> {
  outcome: T | null;
  error: {
    code: string;
    message: string;
    messageCode: { code: string | null; params: Record<string, string | number> } | null;
  } | null;
}

export function ImportProgress<T>({
  jobId,
  onEnd,
}: {
  jobId: string;
  onEnd: (end: JobEnd<T>) => void;
}) {
  const trpc = useTRPC();
  const t = useImportMessages();
  const { intlLocale } = useLocale();
  const labelId = useId();
  const progress = useQuery({
    ...trpc.import.progress.queryOptions({ jobId }),
    refetchInterval: (query) => (query.state.data?.state === "running" ? POLL_MS : false),
    staleTime: 0,
    gcTime: 0,
  });
  const data = progress.data;
  const ended = useRef(false);
  useEffect(() => {
    if (!data || data.state === "running" || ended.current) return;
    ended.current = true;
    onEnd({ outcome: data.outcome as T | null, error: data.error });
  }, [data, onEnd]);
  const n = (v: number) => new Intl.NumberFormat(intlLocale).format(v);
  const percent = data?.percent ?? null;
  const text = !data
    ? t.progressStarting
    : data.rowsTotal === null
      ? t.progressRowsNoTotal(n(data.rowsValidated), n(data.rowsWritten))
      : t.progressRows(n(data.rowsValidated), n(data.rowsWritten), n(data.rowsTotal));
  const valueText = percent === null ? text : `${n(percent)} % — ${text}`;
  return (
    <div className="import-progress">
      <span id={labelId}>{t.progressLabel}</span>
      <div
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={100}
        {...(percent !== null && { "aria-valuenow": percent })}
        aria-valuetext={valueText}
        className="progress-track"
      >
        <div className="progress-fill" style={{ width: `${percent ?? 0}%` }} />
      </div>
      <p role="status" className="progress-text">
        {valueText}
      </p>
    </div>
  );
}
