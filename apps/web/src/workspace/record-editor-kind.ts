// What a record editor is told about its kind of record (contributions, budget lines): the
// router whose procedures load and save it, its form, and how the page speaks of it.
// RecordEditor edits any of them.
import type { UseMutationOptions, UseQueryOptions } from "@tanstack/react-query";
import type { TRPCQueryKey } from "@trpc/tanstack-react-query";
import type { ComponentType } from "react";
import type { ApiError, Me } from "../api-types";
import type { Messages } from "../i18n/messages";
import type { useTRPC } from "../trpc";
import type { Codes } from "./hooks";
import type { WsMessages } from "./messages";
import type { RecordFieldsProps } from "./record-fields";

type TRPC = ReturnType<typeof useTRPC>;

/**
 * What every edited record carries, for the line under its title and the save. A type, not an
 * interface: a record must pass where any row (Record<string, unknown>) does.
 */
export type EditedRecord = {
  id: number;
  version: number;
  updated_by: string | null;
  updated_at: string;
  amount_usd_cents: number;
};

/** The procedures of the record's router that the editor calls. */
export interface RecordRouter<Got, Input, Saved> {
  get: {
    queryOptions: (input: { id: number }) => UseQueryOptions<Got, ApiError, Got, TRPCQueryKey>;
  };
  update: {
    mutationOptions: (callbacks: {
      onSuccess: (saved: Saved) => Promise<void>;
      onError: (error: ApiError) => void;
    }) => UseMutationOptions<Saved, ApiError, { id: number; version: number } & Input>;
  };
  /** What every query of the router is cached under. */
  pathKey: () => TRPCQueryKey;
}

/** A record's form as text: its fields, in the order the conflict view lists them, and back. */
export interface RecordFormText<K extends string, Input> {
  fields: readonly K[];
  formOf: (row: Record<string, unknown>, codes: Codes, intlLocale: string) => Record<K, string>;
  inputOf: (form: Record<K, string>, intlLocale: string) => Input;
}

export interface RecordEditorKind<
  Got,
  Row extends EditedRecord,
  K extends string,
  Input,
  Saved extends { version: number },
> {
  /** "flow": the page is titled by #flow-title. */
  name: string;
  /** The class the page is found by. */
  className: string;
  router: (trpc: TRPC) => RecordRouter<Got, Input, Saved>;
  /** The record in what get returns. */
  recordOf: (got: Got) => Row;
  form: RecordFormText<K, Input>;
  labels: (w: WsMessages) => Record<K, string>;
  Fields: ComponentType<RecordFieldsProps<K>>;
  /** The record as the page names it. */
  ref: (record: Row, m: Messages) => string;
  writable: (record: Row, me: Me | undefined) => boolean;
}

/** A kind, its types read from its router and its form. */
export function recordEditorKind<
  Got,
  Row extends EditedRecord,
  K extends string,
  Input,
  Saved extends { version: number },
>(kind: RecordEditorKind<Got, Row, K, Input, Saved>) {
  return kind;
}
