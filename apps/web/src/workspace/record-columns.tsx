// The columns contributions and budget lines share, drawn the same way in both tables.
import { formatMinor, formatUsdCents } from "../format";
import type { Messages } from "../i18n/messages";
import type { WsMessages } from "./messages";
import type { RecordColumn } from "./record-table-kind";

/** What a row needs for the shared columns. */
export interface CommonRow {
  id: number;
  external_ref: string | null;
  operation_code: string | null;
  task_code: string | null;
  amount: number;
  currency: string;
  amount_usd_cents: number;
  updated_by: string | null;
}

/** Which record a row is: its id, its reference (headed `label`), its operation. */
export function identityColumns(
  w: WsMessages,
  label: string,
  referenceClass?: string,
): RecordColumn<CommonRow, "id" | "external_ref">[] {
  return [
    { key: "id", label: w.id, sort: "id", num: true, cell: (r) => r.id },
    {
      key: "externalRef",
      label,
      sort: "external_ref",
      cellClass: referenceClass,
      cell: (r) => r.external_ref ?? w.none,
    },
    { key: "operation", label: w.operation, cell: (r) => r.operation_code ?? w.none },
  ];
}

export function taskCodeColumn(w: WsMessages, m: Messages): RecordColumn<CommonRow, never> {
  return {
    key: "taskCode",
    label: w.taskCode,
    optional: true,
    cell: (r) => r.task_code ?? m.notSpecified,
  };
}

/** The amount as recorded, then in USD. */
export function amountColumns(
  w: WsMessages,
  intlLocale: string,
): RecordColumn<CommonRow, "amount_usd_cents">[] {
  return [
    {
      key: "amount",
      label: w.amount,
      optional: true,
      num: true,
      cell: (r) => formatMinor(r.amount, r.currency, intlLocale),
    },
    {
      key: "amountUsd",
      label: w.amountUsd,
      sort: "amount_usd_cents",
      num: true,
      cell: (r) => formatUsdCents(r.amount_usd_cents, intlLocale),
    },
  ];
}

export function updatedByColumn(w: WsMessages): RecordColumn<CommonRow, never> {
  return {
    key: "updatedBy",
    label: w.updatedBy,
    optional: true,
    cell: (r) => r.updated_by ?? w.none,
  };
}
