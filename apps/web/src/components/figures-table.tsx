import type { ReactNode } from "react";
import { formatUsdCents } from "../format";
import { useLocale } from "../i18n/locale";

export interface FiguresColumn {
  /** Distinguishes the column among its siblings; its position when absent. */
  key?: string;
  header: ReactNode;
  /** A column of figures: the heading is aligned with them ("num"). */
  figures?: boolean;
  /** Another class on the heading, e.g. the column the filter selects. */
  className?: string;
}

/**
 * A table of figures in its scrolling box: caption, one row of column headings, then the body
 * rows (`children`, each starting with its row heading) and, if given, the footer rows.
 *
 * @example
 * <FiguresTable className="execution-table" caption={caption}
 *   columns={[{ header: m.entity }, { header: a.expended, figures: true }]}>
 *   {rows.map((r) => <tr key={r.key}><th scope="row">{r.name}</th><CentsCell cents={r.expended} /></tr>)}
 * </FiguresTable>
 */
export function FiguresTable({
  className,
  kind,
  caption,
  columns,
  children,
  foot,
}: {
  className: string;
  /** What the rows are (`data-kind`), where one class serves several tables. */
  kind?: string;
  caption: ReactNode;
  columns: readonly FiguresColumn[];
  children: ReactNode;
  foot?: ReactNode;
}) {
  return (
    <div className="table-scroll">
      <table className={className} data-kind={kind}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th
                key={c.key ?? i}
                scope="col"
                className={
                  [c.figures ? "num" : null, c.className].filter(Boolean).join(" ") || undefined
                }
              >
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
        {foot ? <tfoot>{foot}</tfoot> : null}
      </table>
    </div>
  );
}

/**
 * A money figure: right-aligned, its exact cents in `data-cents`, written in the locale's
 * dollars unless `children` say it otherwise (e.g. as a "why this number?" button).
 */
export function CentsCell({
  cents,
  measure,
  children,
}: {
  cents: number;
  /** Which figure of the row it is (`data-measure`), where tests and links look for one. */
  measure?: string;
  children?: ReactNode;
}) {
  const { intlLocale } = useLocale();
  return (
    <td className="num" data-measure={measure} data-cents={cents}>
      {children ?? formatUsdCents(cents, intlLocale)}
    </td>
  );
}
