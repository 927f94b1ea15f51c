// Someone else saved the record after this user opened it: both versions side by side, fields
// that differ marked (in words, not only by colour), and the user chooses. Nothing is saved
// until they do.
import { formatDateTime } from "../format";
import { useLocale } from "../i18n/locale";
import { cell } from "./common";
import { useWs } from "./messages";

export interface ConflictRow {
  key: string;
  label: string;
  mine: string;
  theirs: string;
}

export function ConflictPanel({
  heading,
  who,
  at,
  version,
  rows,
  onKeepMine,
  onTakeTheirs,
  keepMineLabel,
  takeTheirsLabel,
}: {
  heading: string;
  who: string;
  /** ISO timestamp of their save; null when unknown. */
  at: string | null;
  version: string | null;
  rows: ConflictRow[];
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  /** The two choices, when they are not "save mine" and "keep theirs" (a removal). */
  keepMineLabel?: string;
  takeTheirsLabel?: string;
}) {
  const w = useWs();
  const { intlLocale } = useLocale();
  return (
    <section className="conflict" aria-labelledby="conflict-title" role="alert">
      <h3 id="conflict-title">{heading}</h3>
      <p>{w.conflictIntro(who, at ? formatDateTime(at, intlLocale) : w.none)}</p>
      <table className="conflict-table">
        <thead>
          <tr>
            <th scope="col">{w.field}</th>
            <th scope="col">{w.yourVersion}</th>
            <th scope="col">
              {w.theirVersion} ({who}
              {version !== null && `, ${w.version} ${version}`})
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const differs = r.mine !== r.theirs;
            return (
              <tr key={r.key} className={differs ? "differs" : undefined} data-field={r.key}>
                <th scope="row">
                  {r.label}
                  {differs && <span className="badge">{w.differs}</span>}
                </th>
                <td className="mine">{r.mine || w.none}</td>
                <td className="theirs">{r.theirs || w.none}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button type="button" onClick={onKeepMine}>
        {keepMineLabel ?? w.keepMine}
      </button>{" "}
      <button type="button" onClick={onTakeTheirs}>
        {takeTheirsLabel ?? w.takeTheirs}
      </button>
    </section>
  );
}

/**
 * The conflict of a record editor whose form fields map one to one onto the record: mine is the
 * form, theirs the form of the version the server sent with CONFLICT.
 */
export function VersionConflict<K extends string>({
  current,
  heading,
  fields,
  labels,
  mine,
  theirsOf,
  onKeepMine,
  onTakeTheirs,
}: {
  /** The record the server sent with CONFLICT, or null when there is no conflict. */
  current: Record<string, unknown> | null;
  heading: string;
  fields: readonly K[];
  labels: Record<K, string>;
  mine: Record<K, string>;
  theirsOf: (record: Record<string, unknown>) => Record<K, string>;
  /** Save mine over theirs: at their version. */
  onKeepMine: (version: number) => void;
  onTakeTheirs: (theirs: Record<K, string>, version: number) => void;
}) {
  if (!current) return null;
  const theirs = theirsOf(current);
  const version = Number(current.version);
  return (
    <ConflictPanel
      heading={heading}
      who={cell(current.updated_by)}
      at={cell(current.updated_at) || null}
      version={cell(current.version)}
      rows={fields.map((k) => ({ key: k, label: labels[k], mine: mine[k], theirs: theirs[k] }))}
      onKeepMine={() => {
        onKeepMine(version);
      }}
      onTakeTheirs={() => {
        onTakeTheirs(theirs, version);
      }}
    />
  );
}
