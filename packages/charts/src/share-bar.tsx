import { shareLayout } from "./share-layout";
import type { SharePart } from "./share-layout";

/** Colour and pattern-free stroke per position: adjacent parts always differ in lightness. */
export const SHARE_COLORS = [
  "#1a4f9c",
  "#8fb3e8",
  "#1d6b38",
  "#8fcf9f",
  "#8a4500",
  "#e0a867",
  "#6a3d9a",
  "#c2a5cf",
];

export interface ShareBarProps {
  parts: readonly SharePart[];
  /** Accessible name with the exact figures. */
  label: string;
  width?: number;
  height?: number;
}

/** A 100% bar of parts (their legend and exact figures are in the host's table). */
export function ShareBar({ parts, label, width = 320, height = 16 }: ShareBarProps) {
  const placed = shareLayout(parts, width - 2);
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      role="img"
      aria-label={label}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      className="share-bar"
    >
      <rect x={0.5} y={0.5} width={width - 1} height={height - 1} fill="#fff" stroke="#3c4043" />
      {placed.map((p, i) => (
        <rect
          key={p.key}
          x={1 + p.x}
          y={1}
          width={Math.max(0, p.width)}
          height={height - 2}
          fill={SHARE_COLORS[i % SHARE_COLORS.length]}
          stroke="#fff"
          data-key={p.key}
          data-permille={p.permille}
        />
      ))}
    </svg>
  );
}
