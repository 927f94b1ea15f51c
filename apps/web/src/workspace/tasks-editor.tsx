// A mandate's ranked priority tasks while they are edited: retitle, re-rank, remove, add (the new
// row takes the focus and the next rank). Ranks or codes that two tasks share are flagged in
// words as they are typed; the server refuses them too.
import { useState } from "react";
import { useWs } from "./messages";
import { nextRank, taskClashes } from "./mandate-form";
import type { TaskRow } from "./mandate-form";

export function TasksEditor({
  tasks,
  onChange,
  errors,
}: {
  tasks: TaskRow[];
  onChange: (tasks: TaskRow[]) => void;
  /** The server's messages about the task list. */
  errors: string[];
}) {
  const w = useWs();
  const [added, setAdded] = useState(0);
  const clashes = taskClashes(tasks);
  const setRow = (i: number, change: Partial<TaskRow>) => {
    onChange(tasks.map((t, j) => (j === i ? { ...t, ...change } : t)));
  };
  return (
    <fieldset className="tasks-editor">
      <legend>{w.tasksHeading}</legend>
      {errors.length > 0 && (
        <p className="field-error" role="alert">
          {errors.join(" ")}
        </p>
      )}
      <table className="tasks-table">
        <thead>
          <tr>
            <th scope="col">{w.rank}</th>
            <th scope="col">{w.taskCodeShort}</th>
            <th scope="col">{w.taskTitle}</th>
            <th scope="col">
              <span className="visually-hidden">{w.removeTaskHeader}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tasks.map((t, i) => {
            const rankClash = clashes.ranks.has(String(Number(t.rank.trim()) || t.rank.trim()));
            const codeClash = clashes.codes.has(t.code.trim());
            const name = t.code || w.newTaskN(String(i + 1));
            return (
              <tr key={t.key} data-task={t.code} data-added={t.added}>
                <td>
                  <input
                    type="number"
                    min={1}
                    max={100}
                    size={3}
                    aria-label={w.rankOf(name)}
                    aria-invalid={rankClash || undefined}
                    aria-describedby={rankClash ? `${t.key}-rank-clash` : undefined}
                    value={t.rank}
                    onChange={(e) => {
                      setRow(i, { rank: e.target.value });
                    }}
                  />
                  {rankClash && (
                    <span id={`${t.key}-rank-clash`} className="field-error">
                      {w.rankShared}
                    </span>
                  )}
                </td>
                <td>
                  {t.added ? (
                    <>
                      <input
                        size={14}
                        autoFocus
                        aria-label={w.codeOfNewTask(String(i + 1))}
                        aria-invalid={codeClash || undefined}
                        aria-describedby={codeClash ? `${t.key}-code-clash` : undefined}
                        value={t.code}
                        onChange={(e) => {
                          setRow(i, { code: e.target.value });
                        }}
                      />
                      {codeClash && (
                        <span id={`${t.key}-code-clash`} className="field-error">
                          {w.codeShared}
                        </span>
                      )}
                    </>
                  ) : (
                    t.code
                  )}
                </td>
                <td>
                  <input
                    size={40}
                    aria-label={w.titleOf(name)}
                    value={t.title}
                    onChange={(e) => {
                      setRow(i, { title: e.target.value });
                    }}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    onClick={() => {
                      onChange(tasks.filter((_, j) => j !== i));
                    }}
                  >
                    {w.removeTask(name)}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button
        type="button"
        onClick={() => {
          setAdded(added + 1);
          onChange([
            ...tasks,
            {
              key: `added-${added + 1}`,
              code: "",
              title: "",
              rank: String(nextRank(tasks)),
              added: true,
            },
          ]);
        }}
      >
        {w.addTask}
      </button>
    </fieldset>
  );
}
