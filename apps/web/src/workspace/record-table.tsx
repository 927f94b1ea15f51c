// A workspace table of records (contributions, budget lines): "New …" for users who write
// anywhere, the filter bar, then the page of rows with the sum of every matching row, and the
// pager. Filters, sort and page live in the URL, so a view is a link; the server filters, sorts
// and pages. What differs from one kind of record to another comes in a RecordTableKind.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { LoadError, Loading } from "../components/states";
import { useCodes } from "./hooks";
import { useWs } from "./messages";
import { RecordGrid } from "./record-grid";
import type { FilterValues, RecordPage, RecordTableKind, TableFilter } from "./record-table-kind";
import { ScopeNote } from "./scope-note";
import {
  FilterSelect,
  NewRecordLink,
  Pager,
  TableFilters,
  pageOf,
  sortOf,
  useUrlParams,
} from "./table-controls";

export function RecordTable<
  D extends RecordPage<{ id: number }>,
  S extends string,
  P extends string,
  F,
>(kind: RecordTableKind<D, S, P, F>) {
  const w = useWs();
  const codes = useCodes();
  const { params, set } = useUrlParams();
  const sorts = kind.columns.flatMap((c) => (c.sort ? [c.sort] : []));
  const { sort, direction } = sortOf(
    params,
    sorts,
    kind.defaultSort.by,
    kind.defaultSort.direction,
  );
  const { limit, offset } = pageOf(params);
  const search = params.get("q") ?? "";
  const operationFilter: TableFilter<"operation"> = {
    param: "operation",
    label: w.operation,
    anyLabel: w.anyOperation,
    options: codes.operations.map((o) => [o.code, o.code] as const),
  };
  const filters = [operationFilter, ...kind.filters];
  const values = Object.fromEntries(
    filters.map((f) => {
      const text = params.get(f.param) ?? "";
      return [f.param, f.read ? f.read(text) : text];
    }),
  ) as FilterValues<P>;
  const list = useQuery(
    kind.list.queryOptions({
      ...kind.listInput(values),
      operation: values.operation || undefined,
      search: search || undefined,
      sort,
      direction,
      limit,
      offset,
    }),
  );
  const [hidden, setHidden] = useState<Set<string>>(new Set());
  const titleId = `${kind.name}s-title`;
  return (
    <section aria-labelledby={titleId}>
      <h2 id={titleId}>{kind.title}</h2>
      <ScopeNote />
      <NewRecordLink
        href={`/workspace/${kind.name}s/new${values.operation ? `?operation=${values.operation}` : ""}`}
        label={kind.newLabel}
      />
      <TableFilters
        searchLabel={kind.searchLabel}
        search={search}
        onSearch={(q) => {
          set({ q });
        }}
        limit={limit}
        onSize={(size) => {
          set({ size });
        }}
        columns={kind.columns.filter((c) => c.optional).map((c) => c.key)}
        columnLabels={Object.fromEntries(kind.columns.map((c) => [c.key, c.label]))}
        hidden={hidden}
        onColumns={setHidden}
      >
        {filters.map((f) => (
          <FilterSelect
            key={f.param}
            label={f.label}
            value={values[f.param]}
            anyLabel={f.anyLabel}
            options={f.options}
            onChange={(v) => {
              set({ [f.param]: v });
            }}
          />
        ))}
      </TableFilters>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <LoadError error={list.error} retry={() => void list.refetch()} />
      ) : (
        <>
          {kind.aboveTable?.(list.data, values)}
          <RecordGrid
            kind={kind}
            page={list.data}
            hidden={hidden}
            sort={sort}
            direction={direction}
            onSort={(by, dir) => {
              set({ sort: by, dir });
            }}
            firstRowIndex={offset + 2}
          />
          <Pager
            offset={offset}
            limit={limit}
            total={list.data.total}
            onPage={(from) => {
              set({ from: String(from) });
            }}
          />
        </>
      )}
    </section>
  );
}
