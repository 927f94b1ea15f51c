// The scaffolding every analytic view shares: its controls, the loading and error states, then
// its introduction, what it shows (or why it has nothing to show), its stamped exports and the
// stamp under it. A view keeps only its query, its figures and its tables.
import type { ReactNode, RefObject } from "react";
import { ExportBar } from "../components/export-bar";
import type { ImageExport } from "../components/export-bar";
import { PeriodPicker } from "../components/period-picker";
import { stampEntries } from "../components/stamp";
import type { StampInput } from "../components/stamp";
import { Stamp } from "../components/stamp-view";
import { Empty, LoadError, Loading } from "../components/states";
import type { ExportTable } from "../export/table-data";
import { useLocale } from "../i18n/locale";
import type { ViewProps } from "../pages/analytics";
import type { Loadable } from "./loadable";

/**
 * A view's controls, then "loading", the server's error with "Try again", or the view drawn from
 * its data (`children`, given the data once it is there).
 *
 * @example
 * <ViewScaffold toolbar={<ViewPeriodPicker state={state} go={go} />} query={useQuery(…)}>
 *   {(data) => <ExecutionContent data={data} />}
 * </ViewScaffold>
 */
export function ViewScaffold<T>({
  toolbar,
  query,
  children,
}: {
  toolbar?: ReactNode;
  query: Loadable<T>;
  children: (data: T) => ReactNode;
}) {
  return (
    <>
      {toolbar ? <div className="toolbar">{toolbar}</div> : null}
      {query.error ? (
        <LoadError error={query.error} retry={() => void query.refetch()} />
      ) : query.data === undefined ? (
        <Loading />
      ) : (
        children(query.data)
      )}
    </>
  );
}

/** The period of a view that shows one period: choosing another closes any "why" panel. */
export function ViewPeriodPicker({ state, go }: Pick<ViewProps, "state" | "go">) {
  return (
    <PeriodPicker
      key={JSON.stringify(state.period)}
      period={state.period}
      onChange={(period) => {
        go({ ...state, period, why: null });
      }}
    />
  );
}

/** A view's exports: its chart (an <svg> on the page, or an image built apart) and its table. */
export interface ViewExports {
  chart?: RefObject<SVGSVGElement | null>;
  image?: ImageExport;
  /** The table without its stamp: it is stamped like the view. */
  table: () => Omit<ExportTable, "stamp">;
}

/**
 * The parts of a loaded view: the introduction, `lead` (shown even when there is nothing to
 * draw: summary figures, notes), then either `empty` or the exports and the body (`children`),
 * the stamp, and `footer`.
 *
 * @example
 * <ViewSections intro={a.executionIntro} empty={rows.length === 0 && a.noExecution}
 *   exports={{ table: () => ({ name, header, rows }) }} stamp={{ operation, period, asOf }}>
 *   <table>…</table>
 * </ViewSections>
 */
export function ViewSections({
  intro,
  lead,
  empty,
  exports,
  stamp,
  footer,
  children,
}: {
  intro: string;
  lead?: ReactNode;
  empty?: string | false | null;
  exports?: ViewExports;
  /** What the view's figures are stamped with: operation, period, as-of time, rates, filters. */
  stamp: StampInput;
  footer?: ReactNode;
  children: ReactNode;
}) {
  const { messages: m, intlLocale } = useLocale();
  return (
    <>
      <p className="intro">{intro}</p>
      {lead}
      {empty ? (
        <Empty>{empty}</Empty>
      ) : (
        <>
          {exports && (
            <ExportBar
              label={m.exportTitle}
              withPrint
              chart={exports.chart}
              image={exports.image}
              table={() => ({ ...exports.table(), stamp: stampEntries(stamp, m, intlLocale) })}
            />
          )}
          {children}
        </>
      )}
      <Stamp {...stamp} />
      {footer}
    </>
  );
}
