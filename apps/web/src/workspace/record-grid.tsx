// The <table> of a record table's page: sortable headers, the rows drawn as virtual rows
// (numbered in the whole matching set for assistive technology), a link to each record ("edit"
// only where the user may write) and, in the footer, the sum of every matching row.
import { Link } from "wouter";
import { formatUsdCents } from "../format";
import { useLocale } from "../i18n/locale";
import { canWrite } from "./common";
import { useMe } from "./hooks";
import { useWs } from "./messages";
import type { RecordPage, RecordTableKind } from "./record-table-kind";
import { SortHeader } from "./table-controls";
import { VirtualRows } from "./virtual-rows";

export function RecordGrid<D extends RecordPage<{ id: number }>, S extends string>({
  kind,
  page,
  hidden,
  sort,
  direction,
  onSort,
  firstRowIndex,
}: {
  kind: Pick<
    RecordTableKind<D, S, string, unknown>,
    "name" | "title" | "columns" | "empty" | "open" | "scope" | "total"
  >;
  page: D;
  hidden: ReadonlySet<string>;
  sort: S;
  direction: "asc" | "desc";
  onSort: (sort: string, direction: "asc" | "desc") => void;
  /** aria-rowindex of the page's first row. */
  firstRowIndex: number;
}) {
  const w = useWs();
  const { intlLocale } = useLocale();
  const me = useMe();
  const shown = (key: string) => !hidden.has(key);
  const columns = kind.columns.filter((c) => shown(c.key));
  // Spacer and "empty" rows span every column, shown or not, and the link column.
  const colSpan = kind.columns.length + 1;
  return (
    <div className="table-scroll">
      <table className={`${kind.name}s-table`} aria-rowcount={page.total + 2}>
        <caption className="visually-hidden">{kind.title}</caption>
        <thead>
          <tr aria-rowindex={1}>
            {columns.map((c) =>
              c.sort ? (
                <SortHeader
                  key={c.key}
                  sortKey={c.sort}
                  label={c.label}
                  sort={sort}
                  direction={direction}
                  className={c.num ? "num" : undefined}
                  onSort={onSort}
                />
              ) : (
                <th key={c.key} scope="col" className={c.num ? "num" : undefined}>
                  {c.label}
                </th>
              ),
            )}
            <th scope="col">
              <span className="visually-hidden">{kind.open.heading}</span>
            </th>
          </tr>
        </thead>
        <VirtualRows
          rows={page.items}
          rowKey={(r) => r.id}
          colSpan={colSpan}
          firstRowIndex={firstRowIndex}
          before={
            page.items.length === 0 && (
              <tr>
                <td colSpan={colSpan}>{kind.empty}</td>
              </tr>
            )
          }
        >
          {(r, rowProps) => {
            const writable = canWrite(me, kind.scope(r));
            const rowId = { [`data-${kind.name}-id`]: r.id };
            return (
              <tr key={r.id} {...rowProps} {...rowId} data-writable={writable}>
                {columns.map((c) => (
                  <td key={c.key} className={c.num ? "num" : c.cellClass}>
                    {c.cell(r)}
                  </td>
                ))}
                <td>
                  <Link href={`/workspace/${kind.name}s/${r.id}`}>
                    {kind.open.text(r, writable)}
                  </Link>
                  {!writable && <span className="badge">{w.readOnlyHere}</span>}
                </td>
              </tr>
            );
          }}
        </VirtualRows>
        <tfoot>
          <tr aria-rowindex={page.total + 2}>
            <th scope="row" colSpan={kind.total.labelSpan(shown)}>
              {kind.total.label(String(page.total))}
            </th>
            <td className={`num ${kind.name}s-total`} data-total-cents={page.totalUsdCents}>
              {formatUsdCents(page.totalUsdCents, intlLocale)}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
