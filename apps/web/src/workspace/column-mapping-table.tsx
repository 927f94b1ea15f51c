// The wizard's mapping step: each column of the file with the field it holds (a select per
// column, pre-filled by the server's proposal), how the proposal was found, and what still
// blocks the preview, said in words.
import { useId } from "react";
import { fieldLabel, useImportMessages } from "./import-messages";
import { mappingGaps } from "./column-mapping";
import type { ColumnMapping, MappableField, ProposedColumn } from "./column-mapping";

export function ColumnMappingTable({
  fields,
  proposed,
  remembered,
  mapping,
  onChange,
  gapsId,
}: {
  fields: readonly MappableField[];
  proposed: readonly ProposedColumn[];
  remembered: boolean;
  mapping: ColumnMapping;
  onChange: (next: ColumnMapping) => void;
  /** Id of the message saying what blocks the preview (the preview button points to it). */
  gapsId: string;
}) {
  const t = useImportMessages();
  const ids = useId();
  const gaps = mappingGaps(fields, mapping);
  const name = (f: string) => fieldLabel(t, f);
  return (
    <section aria-labelledby={`${ids}-title`} className="column-mapping">
      <h3 id={`${ids}-title`}>{t.mappingTitle}</h3>
      <p>{t.mappingIntro}</p>
      {remembered && <p className="note remembered-note">{t.rememberedNote}</p>}
      <table className="mapping-table">
        <thead>
          <tr>
            <th scope="col">{t.fileColumn}</th>
            <th scope="col">{t.field}</th>
            <th scope="col">{t.foundBy}</th>
          </tr>
        </thead>
        <tbody>
          {proposed.map((p) => {
            const field = mapping[p.header] ?? null;
            return (
              <tr key={p.header} data-header={p.header} data-field={field ?? ""}>
                <th scope="row">{p.header}</th>
                <td>
                  <select
                    aria-label={t.fieldFor(p.header)}
                    value={field ?? ""}
                    onChange={(e) => {
                      onChange({ ...mapping, [p.header]: e.target.value || null });
                    }}
                  >
                    <option value="">{t.leaveOut}</option>
                    {fields.map((f) => (
                      <option key={f.name} value={f.name}>
                        {name(f.name)}
                        {f.required ? ` — ${t.required}` : ""}
                      </option>
                    ))}
                  </select>
                </td>
                <td data-matched-by={p.matchedBy}>
                  {field === p.field ? (t.matchedBy[p.matchedBy] ?? p.matchedBy) : t.chosenByYou}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div id={gapsId} className="mapping-gaps" aria-live="polite">
        {gaps.missing.length > 0 && (
          <p className="error" data-gap="missing">
            {t.missingFields(gaps.missing.map(name).join(", "))}
          </p>
        )}
        {gaps.duplicated.length > 0 && (
          <p className="error" data-gap="duplicated">
            {t.duplicateFields(gaps.duplicated.map(name).join(", "))}
          </p>
        )}
        {gaps.missing.length === 0 && gaps.duplicated.length === 0 && (
          <p className="ok">{t.mappingReady}</p>
        )}
      </div>
    </section>
  );
}
