import type { OperationReport } from "../api-types";
import { formatRatio } from "../format";
import { useLocale } from "../i18n/locale";

/** The alignment score, how it is computed, and every priority inversion in words. */
export function AlignmentSummary({ report }: { report: OperationReport }) {
  const { messages: m, intlLocale } = useLocale();
  const title = (code: string) => report.tasks.find((t) => t.taskCode === code)?.title ?? code;
  const pct = (x: number) => formatRatio(String(x), intlLocale) ?? "";
  const { alignment } = report;
  return (
    <section className="alignment" aria-labelledby="alignment-title">
      <h2 id="alignment-title">{m.alignmentTitle}</h2>
      {alignment.scoreDecimal === null ? (
        <p>{m.alignmentUndefined}</p>
      ) : (
        <p className="score">
          {m.alignmentScore}:{" "}
          <strong data-testid="alignment-score">
            {formatRatio(alignment.scoreDecimal, intlLocale)}
          </strong>
        </p>
      )}
      <p className="note">{m.alignmentExplainer}</p>
      {alignment.inversions.length === 0 ? (
        <p>{m.noInversions}</p>
      ) : (
        <ul className="inversions">
          {alignment.inversions.map((inv) => (
            <li key={`${inv.higher.taskCode}-${inv.lower.taskCode}`}>
              {m.inversion(
                title(inv.higher.taskCode),
                inv.higher.rank,
                pct(inv.higher.coverage),
                title(inv.lower.taskCode),
                inv.lower.rank,
                pct(inv.lower.coverage),
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
