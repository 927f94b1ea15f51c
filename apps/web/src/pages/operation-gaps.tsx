import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { TaskGapChart } from "@coherence/charts";
import type { TaskGapDatum } from "@coherence/charts";
import { formatUsdCents, formatUsdCompact } from "../format";
import { useLocale } from "../i18n/locale";
import { useTRPC } from "../trpc";

export function OperationGapsPage({ operation }: { operation: string }) {
  const trpc = useTRPC();
  const { messages: m, intlLocale } = useLocale();
  const [asTable, setAsTable] = useState(false);
  const gaps = useQuery(trpc.gaps.byTask.queryOptions({ operation }));

  if (gaps.isPending) return <p role="status">{m.loading}</p>;
  if (gaps.isError) {
    return (
      <div role="alert">
        <p>{m.loadFailed}</p>
        <p>{gaps.error.message}</p>
        <button type="button" onClick={() => void gaps.refetch()}>
          {m.retry}
        </button>
      </div>
    );
  }

  const money = (cents: number) => formatUsdCents(cents, intlLocale);
  const data: TaskGapDatum[] = gaps.data.tasks.map((task) => ({
    key: task.taskCode ?? "not-specified",
    label: task.taskCode === null ? m.notSpecified : `${task.rank}. ${task.title}`,
    requirementCents: task.requirement,
    fundedCents: task.funded,
    pledgedCents: task.pledged,
  }));

  return (
    <section aria-labelledby="operation-gaps-title">
      <h1 id="operation-gaps-title">{m.operationGapsTitle(gaps.data.operation.code)}</h1>
      <p>{gaps.data.operation.name}</p>
      <button
        type="button"
        onClick={() => {
          setAsTable((v) => !v);
        }}
        aria-pressed={asTable}
      >
        {asTable ? m.showAsChart : m.showAsTable}
      </button>
      {asTable ? (
        <table>
          <caption>{m.chartTitle(gaps.data.operation.code)}</caption>
          <thead>
            <tr>
              <th scope="col">{m.rank}</th>
              <th scope="col">{m.task}</th>
              <th scope="col">{m.requirement}</th>
              <th scope="col">{m.funded}</th>
              <th scope="col">{m.gap}</th>
              <th scope="col">{m.pledged}</th>
              <th scope="col">{m.coverage}</th>
            </tr>
          </thead>
          <tbody>
            {gaps.data.tasks.map((task) => (
              <tr key={task.taskCode ?? "not-specified"}>
                <td>{task.rank ?? "—"}</td>
                <th scope="row">{task.title ?? m.notSpecified}</th>
                <td className="num">{money(task.requirement)}</td>
                <td className="num">{money(task.funded)}</td>
                <td className="num">{money(task.gap)}</td>
                <td className="num">{money(task.pledged)}</td>
                <td className="num">
                  {task.coverage === null
                    ? m.noRequirement
                    : new Intl.NumberFormat(intlLocale, {
                        style: "percent",
                        maximumFractionDigits: 1,
                      }).format(task.coverage)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <TaskGapChart
          data={data}
          labels={{
            title: m.chartTitle(gaps.data.operation.code),
            description: m.chartDescription,
            requirement: m.requirement,
            funded: m.funded,
            gap: m.gap,
            pledged: m.pledged,
          }}
          formatCents={money}
          formatAxis={(cents) => formatUsdCompact(cents, intlLocale)}
        />
      )}
      <p className="note">{m.amountsIn}</p>
    </section>
  );
}
