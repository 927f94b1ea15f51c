import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from "react";
import type { KeyboardEvent, MouseEvent } from "react";
import {
  COVERAGE_BANDS,
  NO_REQUIREMENT_BAND,
  cellAtPoint,
  contentSize,
  moveActiveCell,
  revealCell,
  visibleCells,
} from "./heatmap-layout";
import type { HeatmapGeometry } from "./heatmap-layout";
import { paintCell } from "./heatmap-export";
import { INK, MUTED_INK } from "./palette";

export interface CoverageHeatmapLabels {
  /** Accessible name of the grid, e.g. "Coverage by task and quarter, MINUSCA". */
  title: string;
  /** How to use it: "Arrow keys move between cells; Enter explains the cell." */
  instructions: string;
  /** Legend entries: each band's range ("0–25%") and the no-requirement mark. */
  bands: readonly string[];
  noRequirement: string;
}

export interface CoverageHeatmapProps {
  rows: readonly { key: string; label: string }[];
  columns: readonly { key: string; label: string }[];
  /** Coverage ratio per row and column (1 = fully funded), null where there is no requirement. */
  coverage: readonly (readonly (number | null)[])[];
  /** The value drawn in a cell, e.g. "45.6%" (or "—" with no requirement). */
  cellText: (row: number, column: number) => string;
  /** What a cell announces when it becomes active, with its exact figures. */
  describeCell: (row: number, column: number) => string;
  labels: CoverageHeatmapLabels;
  /** Enter, Space or a click on a cell. */
  onActivate?: (row: number, column: number) => void;
  /** Rows highlighted (e.g. the task selected in the flow diagram). */
  highlightRow?: number | null;
  maxHeight?: number;
  labelWidth?: number;
  columnWidth?: number;
  rowHeight?: number;
}

const HEADER = 34;

/**
 * Tasks × periods coverage, colour plus value. Drawn on a canvas, and only the visible cells, so
 * large grids scroll smoothly; one tab stop, arrow keys move the active cell (announced with its
 * exact figures), Enter or Space activates it. The host shows the same numbers as a table.
 */
export function CoverageHeatmap({
  rows,
  columns,
  coverage,
  cellText,
  describeCell,
  labels,
  onActivate,
  highlightRow = null,
  maxHeight = 480,
  labelWidth = 260,
  columnWidth = 84,
  rowHeight = 28,
}: CoverageHeatmapProps) {
  const viewport = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const frame = useRef(0);
  const instructionsId = useId();
  const [active, setActive] = useState({ row: 0, column: 0 });
  const [focused, setFocused] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const [viewWidth, setViewWidth] = useState(800);
  const geometry: HeatmapGeometry = {
    rows: rows.length,
    columns: columns.length,
    rowHeight,
    columnWidth,
    labelWidth,
    headerHeight: HEADER,
  };
  const content = contentSize(geometry);
  const height = Math.min(maxHeight, content.height + 2);

  const draw = useCallback(() => {
    frame.current = 0;
    const el = viewport.current;
    const ctx = canvas.current?.getContext("2d");
    if (!el || !ctx || !canvas.current) return;
    const width = el.clientWidth;
    const h = el.clientHeight;
    const dpr = window.devicePixelRatio || 1;
    if (
      canvas.current.width !== Math.round(width * dpr) ||
      canvas.current.height !== Math.round(h * dpr)
    ) {
      canvas.current.width = Math.round(width * dpr);
      canvas.current.height = Math.round(h * dpr);
      canvas.current.style.width = `${width}px`;
      canvas.current.style.height = `${h}px`;
    }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, h);
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, width, h);
    const view = { scrollTop: el.scrollTop, scrollLeft: el.scrollLeft, width, height: h };
    const v = visibleCells(geometry, view);
    ctx.font = "12px system-ui, sans-serif";
    ctx.textBaseline = "middle";
    // Cells.
    ctx.textAlign = "center";
    for (let r = v.firstRow; r <= v.lastRow; r++) {
      const y = HEADER + r * rowHeight - view.scrollTop;
      for (let c = v.firstColumn; c <= v.lastColumn; c++)
        paintCell(
          ctx,
          {
            x: labelWidth + c * columnWidth - view.scrollLeft,
            y,
            width: columnWidth,
            height: rowHeight,
          },
          coverage[r]?.[c] ?? null,
          cellText(r, c),
        );
    }
    // Active cell.
    if (focused) {
      const x = labelWidth + active.column * columnWidth - view.scrollLeft;
      const y = HEADER + active.row * rowHeight - view.scrollTop;
      ctx.strokeStyle = "#000";
      ctx.lineWidth = 3;
      ctx.strokeRect(x + 1.5, y + 1.5, columnWidth - 3, rowHeight - 3);
    }
    // Pinned row labels.
    ctx.textAlign = "left";
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, HEADER, labelWidth, h - HEADER);
    for (let r = v.firstRow; r <= v.lastRow; r++) {
      const y = HEADER + r * rowHeight - view.scrollTop;
      if (r === highlightRow || (focused && r === active.row)) {
        ctx.fillStyle = "#fff3c4";
        ctx.fillRect(0, y, labelWidth, rowHeight);
      }
      ctx.fillStyle = INK;
      const label = rows[r]?.label ?? "";
      ctx.fillText(label.length > 38 ? `${label.slice(0, 37)}…` : label, 6, y + rowHeight / 2);
    }
    // Pinned header.
    ctx.fillStyle = "#f3f4f6";
    ctx.fillRect(0, 0, width, HEADER);
    ctx.textAlign = "center";
    ctx.fillStyle = INK;
    for (let c = v.firstColumn; c <= v.lastColumn; c++) {
      const x = labelWidth + c * columnWidth - view.scrollLeft;
      if (x + columnWidth < labelWidth) continue;
      ctx.fillText(columns[c]?.label ?? "", x + columnWidth / 2, HEADER / 2);
    }
    ctx.fillStyle = "#f3f4f6";
    ctx.fillRect(0, 0, labelWidth, HEADER);
    ctx.strokeStyle = MUTED_INK;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(0, HEADER + 0.5);
    ctx.lineTo(width, HEADER + 0.5);
    ctx.moveTo(labelWidth + 0.5, 0);
    ctx.lineTo(labelWidth + 0.5, h);
    ctx.stroke();
    // geometry is derived from the props listed below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [
    rows,
    columns,
    coverage,
    cellText,
    active,
    focused,
    highlightRow,
    labelWidth,
    columnWidth,
    rowHeight,
  ]);

  const schedule = useCallback(() => {
    if (!frame.current) frame.current = requestAnimationFrame(draw);
  }, [draw]);

  useLayoutEffect(() => {
    draw();
  }, [draw, viewWidth]);
  useEffect(() => {
    const el = viewport.current;
    if (!el || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => {
      setViewWidth(el.clientWidth);
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame.current);
      frame.current = 0;
    };
  }, []);

  const activate = (cell: { row: number; column: number }, announce: boolean) => {
    setActive(cell);
    if (announce) setAnnouncement(describeCell(cell.row, cell.column));
    const el = viewport.current;
    if (el) {
      const next = revealCell(
        geometry,
        {
          scrollTop: el.scrollTop,
          scrollLeft: el.scrollLeft,
          width: el.clientWidth,
          height: el.clientHeight,
        },
        cell,
      );
      el.scrollTop = next.scrollTop;
      el.scrollLeft = next.scrollLeft;
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (rows.length === 0 || columns.length === 0) return;
    if ((event.key === "Enter" || event.key === " ") && onActivate) {
      event.preventDefault();
      onActivate(active.row, active.column);
      return;
    }
    const pageRows = Math.floor((height - HEADER) / rowHeight) - 1;
    const next = moveActiveCell(
      active,
      event.key,
      geometry,
      pageRows,
      event.ctrlKey || event.metaKey,
    );
    if (!next) return;
    event.preventDefault();
    activate(next, true);
  };

  const pointCell = (event: MouseEvent<HTMLDivElement>) => {
    const el = viewport.current;
    if (!el) return null;
    const box = el.getBoundingClientRect();
    return cellAtPoint(
      geometry,
      { scrollTop: el.scrollTop, scrollLeft: el.scrollLeft },
      event.clientX - box.left,
      event.clientY - box.top,
    );
  };

  return (
    <div className="coverage-heatmap">
      <ul className="heatmap-legend" aria-label={labels.title}>
        {COVERAGE_BANDS.map((band, i) => (
          <li key={band.from}>
            <span className="swatch" style={{ background: band.fill }} aria-hidden="true" />
            {labels.bands[i] ?? ""}
          </li>
        ))}
        <li>
          <span
            className="swatch"
            style={{ background: NO_REQUIREMENT_BAND.fill, border: `1px solid ${MUTED_INK}` }}
            aria-hidden="true"
          />
          {labels.noRequirement}
        </li>
      </ul>
      <p id={instructionsId} className="note">
        {labels.instructions}
      </p>
      <div
        ref={viewport}
        className="heatmap-viewport"
        role="application"
        aria-roledescription="heatmap"
        aria-label={labels.title}
        aria-describedby={instructionsId}
        tabIndex={0}
        data-rows={rows.length}
        data-columns={columns.length}
        data-active={`${active.row},${active.column}`}
        style={{ height, overflow: "auto", position: "relative" }}
        onScroll={schedule}
        onKeyDown={onKeyDown}
        onFocus={() => {
          setFocused(true);
          if (rows.length && columns.length)
            setAnnouncement(describeCell(active.row, active.column));
        }}
        onBlur={() => {
          setFocused(false);
        }}
        onClick={(event) => {
          const cell = pointCell(event);
          if (!cell) return;
          activate(cell, true);
          onActivate?.(cell.row, cell.column);
        }}
        onMouseMove={(event) => {
          const cell = pointCell(event);
          const el = viewport.current;
          if (el) el.title = cell ? describeCell(cell.row, cell.column) : "";
        }}
      >
        <canvas
          ref={canvas}
          style={{ position: "sticky", top: 0, left: 0, display: "block" }}
          aria-hidden="true"
        />
        <div
          aria-hidden="true"
          style={{
            position: "absolute",
            top: 0,
            left: 0,
            width: content.width,
            height: content.height,
            pointerEvents: "none",
          }}
        />
      </div>
      <p role="status" aria-live="polite" className="visually-hidden heatmap-announcement">
        {announcement}
      </p>
    </div>
  );
}
