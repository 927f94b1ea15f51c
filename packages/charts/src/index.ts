export { ChartFrame, lineEntry } from "./chart-frame";
export type { ChartFrameProps, ChartLegend, LegendEntry } from "./chart-frame";
export { chartFrameLayout } from "./chart-frame-layout";
export type { ChartFrameLayout, ChartFrameLayoutInput, LegendGrid } from "./chart-frame-layout";
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
export {
  TIMELINE_STATUSES,
  cumulativeSteps,
  median,
  pledgeToPayment,
  timelineLayout,
} from "./timeline-layout";
export type {
  TimelineData,
  TimelineEvent,
  TimelineLag,
  TimelineLayout,
  TimelineRequirement,
  TimelineStatus,
} from "./timeline-layout";
export { TimelineChart, TIMELINE_STYLES } from "./timeline-chart";
export type { TimelineChartLabels, TimelineChartProps } from "./timeline-chart";
export { compareFlowNodes, cyclicLinks, flowSankeyLayout, nodeFilter } from "./sankey-layout";
export type {
  FlowLinkDatum,
  FlowLinkKind,
  FlowNodeDatum,
  FlowNodeKind,
  PlacedFlowLink,
  PlacedFlowNode,
  SankeyLayoutResult,
} from "./sankey-layout";
export {
  boxesOverlap,
  fitLabel,
  freeCentre,
  placeSankeyLabels,
  spreadApart,
} from "./sankey-labels";
export type { SankeyBand } from "./sankey-band";
export type { Box, LabelledNode, PlacedLabel, SankeyLabelOptions } from "./sankey-labels";
export { FlowSankey, FLOW_LINK_STYLES, FLOW_NODE_STYLES } from "./flow-sankey";
export type { FlowSankeyLabels, FlowSankeyProps } from "./flow-sankey";
export {
  COVERAGE_BANDS,
  NO_REQUIREMENT_BAND,
  cellAtPoint,
  contentSize,
  coverageBand,
  moveActiveCell,
  revealCell,
  visibleCells,
} from "./heatmap-layout";
export type { CoverageBand, HeatmapGeometry } from "./heatmap-layout";
export { CoverageHeatmap } from "./coverage-heatmap";
export {
  heatmapImageLayout,
  heatmapPng,
  paintCell,
  paintHeatmapImage,
  pngScale,
} from "./heatmap-export";
export { heatmapSvg } from "./heatmap-svg";
export { escapeXml } from "./svg-markup";
export type { HeatmapImageInput, HeatmapImageLayout } from "./heatmap-export";
export type { CoverageHeatmapLabels, CoverageHeatmapProps } from "./coverage-heatmap";
export { shareLayout, sharePermille } from "./share-layout";
export type { PlacedShare, SharePart } from "./share-layout";
export { ShareBar, SHARE_COLORS } from "./share-bar";
export type { ShareBarProps } from "./share-bar";
