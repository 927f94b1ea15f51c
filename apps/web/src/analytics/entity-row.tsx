import type { ReactNode } from "react";

/** A row of an entity's figures: its name as the row heading, highlighted when the filter selects it. */
export function EntityRow({
  entity,
  name,
  selected = false,
  children,
}: {
  /** The entity's code (`data-entity`), or a word for a row that is not one entity's. */
  entity: string;
  name: ReactNode;
  selected?: boolean;
  children: ReactNode;
}) {
  return (
    <tr data-entity={entity} className={selected ? "selected-row" : undefined}>
      <th scope="row">{name}</th>
      {children}
    </tr>
  );
}
