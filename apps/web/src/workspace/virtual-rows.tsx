// A table body that renders only the rows near the viewport (TanStack Virtual, scrolling with
// the window so the page keeps one scrollbar), for pages of hundreds of rows. Rows keep their
// place for assistive technology (aria-rowindex, with aria-rowcount on the table), spacer rows
// hold the height of the rows not drawn, and ArrowDown / ArrowUp move between rows even to a row
// not drawn yet (it is scrolled into view first).
import { useWindowVirtualizer } from "@tanstack/react-virtual";
import { useLayoutEffect, useRef, useState } from "react";
import type { KeyboardEvent, ReactNode } from "react";

/** What each rendered row must spread on its <tr>. */
export interface VirtualRowProps {
  ref: (element: HTMLTableRowElement | null) => void;
  "data-index": number;
  "aria-rowindex": number;
}

const FOCUSABLE = "a[href], button:not([disabled]), input, select, textarea, [tabindex='0']";

export function VirtualRows<T>({
  rows,
  rowKey,
  colSpan,
  firstRowIndex,
  estimateRowHeight = 41,
  before,
  children,
}: {
  rows: readonly T[];
  rowKey: (row: T) => string | number;
  /** Columns of the table, for the spacer rows. */
  colSpan: number;
  /** aria-rowindex of the first row (the header rows and earlier pages come before it). */
  firstRowIndex: number;
  estimateRowHeight?: number;
  /** Rows drawn before the data rows (an "empty" message). */
  before?: ReactNode;
  children: (row: T, props: VirtualRowProps) => ReactNode;
}) {
  const body = useRef<HTMLTableSectionElement>(null);
  // Where the body starts in the page: the virtualizer measures the window's scroll from there.
  const [scrollMargin, setScrollMargin] = useState(0);
  // Measured again whenever the page changes size: what is above the table (filters, notes,
  // messages) may have grown or shrunk.
  useLayoutEffect(() => {
    const measure = () => {
      const margin = (body.current?.getBoundingClientRect().top ?? 0) + window.scrollY;
      setScrollMargin((previous) => (Math.abs(margin - previous) > 1 ? margin : previous));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => {
      observer.disconnect();
    };
  }, []);
  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: () => estimateRowHeight,
    overscan: 12,
    scrollMargin,
    getItemKey: (index) => rowKey(rows[index]!),
  });
  const items = virtualizer.getVirtualItems();
  const top = items.length > 0 ? items[0]!.start - scrollMargin : 0;
  const bottom =
    items.length > 0
      ? virtualizer.getTotalSize() - (items[items.length - 1]!.end - scrollMargin)
      : 0;

  /** Focus the first control of row `index`, drawing it first when it is off screen. */
  const focusRow = (index: number) => {
    const find = () =>
      body.current
        ?.querySelector(`tr[data-index="${index}"]`)
        ?.querySelector<HTMLElement>(FOCUSABLE);
    const now = find();
    if (now) {
      now.focus();
      return;
    }
    virtualizer.scrollToIndex(index, { align: "center" });
    requestAnimationFrame(() => requestAnimationFrame(() => find()?.focus()));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const row = (event.target as HTMLElement).closest("tr[data-index]");
    if (!row) return;
    const next = Number(row.getAttribute("data-index")) + (event.key === "ArrowDown" ? 1 : -1);
    if (next < 0 || next >= rows.length) return;
    event.preventDefault();
    focusRow(next);
  };
  const spacer = (height: number, where: string) =>
    height > 0 && (
      <tr aria-hidden="true" className="virtual-spacer" data-spacer={where}>
        <td colSpan={colSpan} style={{ height, padding: 0, border: 0 }} />
      </tr>
    );

  return (
    <tbody ref={body} onKeyDown={onKeyDown}>
      {before}
      {spacer(top, "top")}
      {items.map((item) =>
        children(rows[item.index]!, {
          ref: virtualizer.measureElement,
          "data-index": item.index,
          "aria-rowindex": firstRowIndex + item.index,
        }),
      )}
      {spacer(bottom, "bottom")}
    </tbody>
  );
}
