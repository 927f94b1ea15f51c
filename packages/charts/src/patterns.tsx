import { GAP_COLOR, GAP_TINT, PLEDGED_COLOR, SEGMENT_STYLES } from "./palette";
import type { SegmentStyle } from "./palette";

/** Pattern ids are scoped per chart so several charts (and exports) never collide. */
export function patternId(prefix: string, key: string): string {
  return `${prefix}-${key}`.replace(/[^A-Za-z0-9_-]/g, "");
}

function Overlay({ style }: { style: SegmentStyle }) {
  switch (style.pattern) {
    case "stripes":
      return <line x1="0" y1="0" x2="0" y2="6" stroke="#fff" strokeWidth="1.5" />;
    case "dots":
      return <circle cx="3" cy="3" r="1.3" fill="#fff" />;
    case "cross":
      return (
        <>
          <line x1="0" y1="0" x2="0" y2="6" stroke="#fff" strokeWidth="1" />
          <line x1="0" y1="0" x2="6" y2="0" stroke="#fff" strokeWidth="1" />
        </>
      );
    case "solid":
      return null;
  }
}

/** The <defs> every gap chart uses: one fill per funding type, the gap hatch, the pledged dots. */
export function ChartPatterns({ prefix }: { prefix: string }) {
  return (
    <defs>
      {Object.entries(SEGMENT_STYLES).map(([key, style]) => (
        <pattern
          key={key}
          id={patternId(prefix, key)}
          width="6"
          height="6"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect width="6" height="6" fill={style.color} />
          <Overlay style={style} />
        </pattern>
      ))}
      <pattern
        id={patternId(prefix, "gap")}
        width="6"
        height="6"
        patternUnits="userSpaceOnUse"
        patternTransform="rotate(-45)"
      >
        <rect width="6" height="6" fill={GAP_TINT} />
        <line x1="0" y1="0" x2="0" y2="6" stroke={GAP_COLOR} strokeWidth="2" />
      </pattern>
      <pattern id={patternId(prefix, "pledged")} width="4" height="4" patternUnits="userSpaceOnUse">
        <rect width="4" height="4" fill="#fff7d6" />
        <circle cx="2" cy="2" r="1" fill={PLEDGED_COLOR} />
      </pattern>
    </defs>
  );
}
