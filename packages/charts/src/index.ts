export { taskGapLayout, stackSegments } from "./task-gap-layout";
export type {
  LayoutSize,
  PlacedSegment,
  TaskGapBar,
  TaskGapDatum,
  TaskGapLayout,
  TaskGapSegment,
} from "./task-gap-layout";
export { TaskGapChart, describeRow } from "./task-gap-chart";
export type { TaskGapChartLabels, TaskGapChartProps } from "./task-gap-chart";
export { gapBarLayout, gapBarDomain } from "./gap-bar-layout";
export type { GapBarLayout } from "./gap-bar-layout";
export { GapBar } from "./gap-bar";
export type { GapBarProps } from "./gap-bar";
export { SEGMENT_STYLES, styleOf } from "./palette";
export type { SegmentStyle } from "./palette";
