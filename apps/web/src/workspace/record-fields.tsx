// The fields of a record's form in the workspace's grid, with the codes suggested as they are
// typed (organizations, and the tasks of the form's operation): what a contribution's and a
// budget line's fields share. Each kind lists its own controls, in its own order, and places
// the shared ones among them.
import { useId } from "react";
import type { ReactNode } from "react";
import type { FieldErrors } from "./common";
import { CodeList, useControls } from "./field";
import { useCodes, useTaskCodes } from "./hooks";
import type { Codes } from "./hooks";

/** The fields every record's form has. */
type SharedField =
  "operation" | "taskCode" | "amount" | "currency" | "periodStart" | "periodEnd" | "category";

/** What the editor and the "New …" form give a kind's fields. */
export interface RecordFieldsProps<K extends string> {
  form: Record<K, string>;
  setField: (key: K, value: string) => void;
  errors: FieldErrors;
  autoFocus?: boolean;
}

/** The shared fields' controls, and the id of the organizations' suggestions. */
export interface SharedControls {
  operation: ReactNode;
  /** Suggested from the operation's mandates. */
  taskCode: ReactNode;
  /** The amount and its currency. */
  amount: ReactNode;
  /** Its start and end. */
  period: ReactNode;
  category: ReactNode;
  organizationList: string;
}

type Organization = Codes["organizations"][number];

export function RecordFields<K extends string>({
  form,
  setField,
  errors,
  labels,
  organizations = () => true,
  children,
}: Omit<RecordFieldsProps<K | SharedField>, "autoFocus"> & {
  labels: Record<K | SharedField, string>;
  /** The organizations suggested (all by default). */
  organizations?: (o: Organization) => boolean;
  children: (
    c: ReturnType<typeof useControls<K | SharedField>>,
    shared: SharedControls,
  ) => ReactNode;
}) {
  const codes = useCodes();
  const tasks = useTaskCodes(form.operation);
  const orgList = useId();
  const taskList = useId();
  const c = useControls({ form, setField, errors, labels });
  const shared: SharedControls = {
    operation: c.select("operation", ["", ...codes.operations.map((o) => o.code)]),
    taskCode: c.text("taskCode", { list: taskList }),
    amount: (
      <>
        {c.amount("amount")}
        {c.text("currency")}
      </>
    ),
    period: (
      <>
        {c.date("periodStart")}
        {c.date("periodEnd")}
      </>
    ),
    category: c.text("category"),
    organizationList: orgList,
  };
  return (
    <div className="ws-grid">
      <CodeList
        id={orgList}
        codes={codes.organizations
          .filter(organizations)
          .map((o) => ({ code: o.code, label: o.name }))}
      />
      <CodeList id={taskList} codes={tasks.map((t) => ({ code: t.code, label: t.title }))} />
      {children(c, shared)}
    </div>
  );
}
