// Where the flow diagram's node labels go, so that no label covers another or a band. The first
// column's labels sit in the left margin and the last column's in the right margin, where no
// band runs. A middle column's labels sit beside their node, on the gap toward the next column,
// and are cut to the room there (their plate hides the bands under them; the full text is kept
// for the <title>). Labels of one column that would overlap are pushed apart vertically.

export interface LabelledNode {
  id: string;
  label: string;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  column: number;
}

export interface SankeyLabelOptions {
  /** Width of the plot (nodes and bands), without the margins. */
  width: number;
  height: number;
  /** Room for labels outside the plot on each side (the first and last columns' labels). */
  margin: number;
  /** Average glyph width and line height of the label font, in px. */
  charWidth?: number;
  lineHeight?: number;
  /** Space between a node and its label. */
  gap?: number;
}

export interface PlacedLabel {
  id: string;
  /** The text drawn: the label, cut with "…" when it does not fit. */
  text: string;
  /** The whole label, for the <title>. */
  full: string;
  truncated: boolean;
  /** Anchor point (x of the text's start or end, y of its middle line). */
  x: number;
  y: number;
  anchor: "start" | "end";
  /** "margin": outside the plot; "beside": next to a middle node, on a plate. */
  place: "margin" | "beside";
  /** The box the text takes, for collision checks and the plate. */
  box: { x0: number; x1: number; y0: number; y1: number };
}

/** The text cut to `max` characters, ending with "…" when cut. @example fitLabel("Protection of civilians", 10) // → "Protectio…" */
export function fitLabel(label: string, max: number): string {
  if (label.length <= max) return label;
  if (max <= 1) return "…";
  return `${label.slice(0, max - 1).trimEnd()}…`;
}

/**
 * Centres as close to the wanted ones as the spacing allows, in the same order, at least
 * `spacing` apart and within [low, high] when they fit (if they do not, they run past `high`).
 * @example spreadApart([10, 12, 14], 10, 0, 100) // → [10, 20, 30]
 */
export function spreadApart(
  wanted: readonly number[],
  spacing: number,
  low: number,
  high: number,
): number[] {
  const out = [...wanted];
  // Down from the top: each at least one spacing below the previous, and below `low`.
  for (let i = 0; i < out.length; i++)
    out[i] = Math.max(out[i]!, i === 0 ? low : out[i - 1]! + spacing);
  // Up from the bottom: each within `high` and one spacing above the next, but never above
  // the place it would have with every label before it packed from `low`.
  for (let i = out.length - 1; i >= 0; i--) {
    const ceiling = i === out.length - 1 ? high : out[i + 1]! - spacing;
    out[i] = Math.max(Math.min(out[i]!, ceiling), low + i * spacing);
  }
  return out;
}

/**
 * Places every node's label. The nodes are those of {@link flowSankeyLayout} (plot coordinates).
 *
 * @example
 * placeSankeyLabels(layout.nodes, { width: 600, height: 400, margin: 150 })
 * // → [{ id: "org:USA", text: "United States", x: -6, y: 40, anchor: "end", place: "margin", … }, …]
 */
export function placeSankeyLabels(
  nodes: readonly LabelledNode[],
  options: SankeyLabelOptions,
): PlacedLabel[] {
  const charWidth = options.charWidth ?? 6.2;
  const lineHeight = options.lineHeight ?? 14;
  const gap = options.gap ?? 6;
  if (nodes.length === 0) return [];
  const last = Math.max(...nodes.map((n) => n.column));
  // Where each column starts: a middle label must end before the next column's nodes.
  const columnStart = new Map<number, number>();
  for (const n of nodes)
    columnStart.set(n.column, Math.min(columnStart.get(n.column) ?? Infinity, n.x0));
  const nextColumnX = (column: number) => {
    let next = Infinity;
    for (const [c, x] of columnStart) if (c > column && x < next) next = x;
    return next === Infinity ? options.width : next;
  };

  const placed: PlacedLabel[] = [];
  const byColumn = new Map<number, LabelledNode[]>();
  for (const n of nodes) byColumn.set(n.column, [...(byColumn.get(n.column) ?? []), n]);
  for (const [column, members] of byColumn) {
    const first = column === 0;
    const final = column === last && last > 0;
    const place = first || final ? "margin" : "beside";
    const anchor = first ? "end" : "start";
    const sorted = [...members].sort(
      (a, b) => a.y0 + a.y1 - (b.y0 + b.y1) || (a.id < b.id ? -1 : 1),
    );
    const ys = spreadApart(
      sorted.map((n) => (n.y0 + n.y1) / 2),
      lineHeight,
      lineHeight / 2,
      options.height - lineHeight / 2,
    );
    sorted.forEach((n, i) => {
      const x = first ? n.x0 - gap : n.x1 + gap;
      const room = first
        ? options.margin - gap
        : final
          ? options.margin - gap
          : nextColumnX(column) - n.x1 - 2 * gap;
      const text = fitLabel(n.label, Math.max(1, Math.floor(room / charWidth)));
      const width = text.length * charWidth;
      const y = ys[i]!;
      placed.push({
        id: n.id,
        text,
        full: n.label,
        truncated: text !== n.label,
        x,
        y,
        anchor,
        place,
        box: {
          x0: anchor === "end" ? x - width : x,
          x1: anchor === "end" ? x : x + width,
          y0: y - lineHeight / 2,
          y1: y + lineHeight / 2,
        },
      });
    });
  }
  return placed;
}
