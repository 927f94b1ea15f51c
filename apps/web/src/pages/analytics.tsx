import { Suspense, lazy } from "react";
import { useLocation, useSearch } from "wouter";
import { analyticsHref, isAnalyticView, parseAnalyticsView } from "../analytics/analytics-state";
import type { AnalyticsView } from "../analytics/analytics-state";
import { useNames } from "../analytics/names";
import { FilterChips, ViewHeader } from "../analytics/shell";
import { Empty, Loading } from "../components/states";
import { useLocale } from "../i18n/locale";

export interface ViewProps {
  operation: string;
  state: AnalyticsView;
  go: (next: AnalyticsView, replace?: boolean) => void;
  names: ReturnType<typeof useNames>;
}

// Each view loads on its own: the heavy ones (d3-sankey, the canvas heatmap) only when opened.
const views = {
  timeline: lazy(() => import("../analytics/timeline-view")),
  flows: lazy(() => import("../analytics/flows-view")),
  coverage: lazy(() => import("../analytics/coverage-view")),
  predictability: lazy(() => import("../analytics/predictability-view")),
  execution: lazy(() => import("../analytics/execution-view")),
  scorecards: lazy(() => import("../analytics/scorecards-view")),
};

/** One operation's analytic view: funding over time, flows, coverage, predictability, execution, scorecards. */
export default function AnalyticsPage({ code, view }: { code: string; view: string }) {
  const { messages: m } = useLocale();
  const search = useSearch();
  const [, navigate] = useLocation();
  const names = useNames(code);
  if (!isAnalyticView(view)) return <Empty>{m.notFound}</Empty>;
  const state = parseAnalyticsView(view, search);
  const go = (next: AnalyticsView, replace = false) => {
    navigate(analyticsHref(code, next), { replace });
  };
  const View = views[view];
  return (
    <section aria-labelledby="analytics-title" className={`analytics-page analytics-${view}`}>
      <ViewHeader operation={code} view={view} period={state.period} filter={state.filter}>
        <FilterChips
          filter={state.filter}
          names={names.name}
          onChange={(filter) => {
            go({ ...state, filter, why: null });
          }}
        />
      </ViewHeader>
      <Suspense fallback={<Loading />}>
        <View operation={code} state={state} go={go} names={names} />
      </Suspense>
    </section>
  );
}
