// What a record table is told about its kind of record (contributions, budget lines), as its
// props: the list it calls, its filters, columns, labels, links and totals.
import type { UseQueryOptions } from "@tanstack/react-query";
import type { TRPCQueryKey } from "@trpc/tanstack-react-query";
import type { ReactNode } from "react";
import type { ApiError } from "../api-types";
import type { RecordScope } from "./common";

export interface RecordColumn<R, S extends string> {
  /** Names the column in the column choice (for optional ones). */
  key: string;
  label: string;
  /** The list procedure's sort key, when the column sorts. */
  sort?: S;
  /** The user may hide it. */
  optional?: boolean;
  /** Amounts and ids: aligned as numbers, header included. */
  num?: boolean;
  /** A class of the cells only. */
  cellClass?: string;
  cell: (row: R) => ReactNode;
}

/** A page of records as the list procedures return it. */
export interface RecordPage<R> {
  items: R[];
  /** Every matching row, all pages. */
  total: number;
  totalUsdCents: number;
}

/** One filter of the bar: a choice kept in the URL parameter `param`, or "any" (empty). */
export interface TableFilter<P extends string> {
  param: P;
  label: string;
  anyLabel: string;
  options: readonly (readonly [value: string, label: string])[];
  /** The value chosen, from the parameter's text (by default the text itself). */
  read?: (text: string) => string;
}

/** The values of the operation filter every table starts with, and of the table's own. */
export type FilterValues<P extends string> = Record<P | "operation", string>;

/** What every list procedure reads besides the table's own filters. */
export interface ListInput<S extends string> {
  operation: string | undefined;
  search: string | undefined;
  sort: S;
  direction: "asc" | "desc";
  limit: number;
  offset: number;
}

/** A row of a page. */
export type RowOf<D extends RecordPage<{ id: number }>> = D["items"][number];

export interface RecordTableKind<
  D extends RecordPage<{ id: number }>,
  S extends string,
  P extends string,
  F,
> {
  /**
   * The record's name, which names the rest: "flow" is the table .flows-table (titled by
   * #flows-title, its sum .flows-total), each row data-flow-id, and its records live at
   * /workspace/flows/new and /workspace/flows/:id.
   */
  name: string;
  /** The list procedure, and what it reads of the table's own filters. */
  list: {
    queryOptions: (input: ListInput<S> & F) => UseQueryOptions<D, ApiError, D, TRPCQueryKey>;
  };
  listInput: (filters: FilterValues<P>) => F;
  /** Its own filters, after the operation filter. */
  filters: TableFilter<P>[];
  title: string;
  newLabel: string;
  searchLabel: string;
  columns: RecordColumn<RowOf<D>, S>[];
  /** The order of the rows until the user sorts them. */
  defaultSort: { by: S; direction: "asc" | "desc" };
  empty: string;
  /** The last column: a link to the record, "edit" where the user may write, "view" elsewhere. */
  open: { heading: string; text: (row: RowOf<D>, writable: boolean) => ReactNode };
  scope: (row: RowOf<D>) => RecordScope;
  /** The footer: the label, across `labelSpan` of the shown columns, then the sum. */
  total: {
    label: (count: string) => string;
    labelSpan: (shown: (key: string) => boolean) => number;
  };
  /** Drawn between the filter bar and the table once the page has loaded. */
  aboveTable?: (page: D, filters: FilterValues<P>) => ReactNode;
}
