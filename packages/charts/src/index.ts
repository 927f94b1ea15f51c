export { taskGapLayout } from "./task-gap-layout";
export type { LayoutSize, TaskGapBar, TaskGapDatum, TaskGapLayout } from "./task-gap-layout";
export { TaskGapChart } from "./task-gap-chart";
export type { TaskGapChartLabels, TaskGapChartProps } from "./task-gap-chart";
