// Crosswalks, per taxonomy: each entity category's shares of the common categories UNSDG-1…8.
// While shares are typed their exact sum is shown live, and a save is refused here (and by the
// server) unless it is exactly 1. A finance officer edits the taxonomy of an entity they are
// assigned to (the server's rule); a save over someone else's change shows both versions.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { SyntheticEvent } from "react";
import { Link } from "wouter";
import { LoadError, Loading } from "../components/states";
import { useLocale } from "../i18n/locale";
import { useTRPC } from "../trpc";
import { canWrite, cell, errorInfo, fieldErrorsOf } from "./common";
import type { FieldErrors } from "./common";
import { ConflictPanel } from "./conflict";
import { COMMON_CODES, checkShares, entriesOf, ratioText, sharesToApi } from "./crosswalk-sum";
import type { ShareEntry } from "./crosswalk-sum";
import { Field } from "./field";
import { useMe } from "./hooks";
import { useWs } from "./messages";
import { ScopeNote } from "./scope-note";
import { useUrlParams } from "./table-controls";

interface StoredCategory {
  code: string;
  name: string;
  shares: { commonCategory: string; share: string }[];
}

/** What a CONFLICT carries: the shares stored now, and who saved them when. */
interface TheirShares {
  shares: StoredCategory["shares"];
  updated_by: string | null;
  updated_at: string | null;
}

export function CrosswalkEditor() {
  const trpc = useTRPC();
  const w = useWs();
  const me = useMe();
  const { params, set } = useUrlParams();
  const taxonomies = useQuery(trpc.crosswalk.taxonomies.queryOptions());
  const chosen = params.get("taxonomy") ?? "";
  const taxonomy = taxonomies.data?.find((t) => t.code === chosen) ?? null;
  const writable =
    !!taxonomy &&
    (me?.role === "admin" ||
      taxonomy.entities.some((e) => canWrite(me, { operationId: null, entityId: e.id })));

  return (
    <section aria-labelledby="crosswalk-title">
      <h2 id="crosswalk-title">{w.crosswalkTitle}</h2>
      <ScopeNote />
      <p>{w.crosswalkIntro}</p>
      {taxonomies.isPending ? (
        <Loading />
      ) : taxonomies.isError ? (
        <LoadError error={taxonomies.error} retry={() => void taxonomies.refetch()} />
      ) : (
        <>
          <div className="toolbar ws-filters">
            <label>
              {w.taxonomy}{" "}
              <select
                value={chosen}
                onChange={(e) => {
                  set({ taxonomy: e.target.value });
                }}
              >
                <option value="">{w.chooseTaxonomy}</option>
                {taxonomies.data.map((t) => (
                  <option key={t.code} value={t.code}>
                    {t.code} — {t.name}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {taxonomy && (
            <>
              <p className="note">
                {w.taxonomyUsedBy(taxonomy.entities.map((e) => e.code).join(", ") || w.none)}{" "}
                {writable ? w.crosswalkYours : w.crosswalkNotYours}
              </p>
              <CategoryTable key={taxonomy.code} taxonomy={taxonomy.code} writable={writable} />
            </>
          )}
        </>
      )}
    </section>
  );
}

function CategoryTable({ taxonomy, writable }: { taxonomy: string; writable: boolean }) {
  const trpc = useTRPC();
  const w = useWs();
  const { messages: m, intlLocale } = useLocale();
  const list = useQuery({ ...trpc.crosswalk.list.queryOptions({ taxonomy }), staleTime: 0 });
  // The category open for editing; "" = a new one.
  const [editing, setEditing] = useState<string | null>(null);
  if (list.isPending) return <Loading />;
  if (list.isError) return <LoadError error={list.error} retry={() => void list.refetch()} />;
  const open = editing === null ? null : list.data.categories.find((c) => c.code === editing);
  return (
    <>
      <div className="table-scroll">
        <table className="crosswalk-table">
          <caption>{w.crosswalkCaption(taxonomy)}</caption>
          <thead>
            <tr>
              <th scope="col">{w.categoryCode}</th>
              <th scope="col">{w.categoryName}</th>
              {COMMON_CODES.map((c) => (
                <th scope="col" key={c} className="num" title={m.categories[c]}>
                  {c}
                </th>
              ))}
              <th scope="col" className="num">
                {w.shareSum}
              </th>
              {writable && (
                <th scope="col">
                  <span className="visually-hidden">{w.editShares}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {list.data.categories.length === 0 && (
              <tr>
                <td colSpan={12}>{w.noCategories}</td>
              </tr>
            )}
            {list.data.categories.map((c) => {
              const check = checkShares(entriesOf(c.shares, intlLocale), intlLocale);
              return (
                <tr key={c.code} data-category={c.code}>
                  <th scope="row">{c.code}</th>
                  <td>{c.name}</td>
                  {entriesOf(c.shares, intlLocale).map((e) => (
                    <td key={e.commonCategory} className="num" data-common={e.commonCategory}>
                      {e.text}
                    </td>
                  ))}
                  <td className="num">
                    {check.state === "sum" ? ratioText(check.sum, intlLocale) : w.none}
                  </td>
                  {writable && (
                    <td>
                      <button
                        type="button"
                        onClick={() => {
                          setEditing(c.code);
                        }}
                      >
                        {w.editSharesOf(c.code)}
                      </button>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {writable && editing === null && (
        <p>
          <button
            type="button"
            onClick={() => {
              setEditing("");
            }}
          >
            {w.newCategory}
          </button>
        </p>
      )}
      {writable && editing !== null && (
        <SharesForm
          key={editing}
          taxonomy={taxonomy}
          category={open ?? null}
          onDone={() => {
            setEditing(null);
          }}
        />
      )}
    </>
  );
}

function SharesForm({
  taxonomy,
  category,
  onDone,
}: {
  taxonomy: string;
  /** null: a new category. */
  category: StoredCategory | null;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const w = useWs();
  const { messages: m, intlLocale, locale } = useLocale();
  const [code, setCode] = useState(category?.code ?? "");
  const [name, setName] = useState(category?.name ?? "");
  const [entries, setEntries] = useState<ShareEntry[]>(() =>
    entriesOf(category?.shares ?? [], intlLocale),
  );
  // What the shares were when the form opened: the server refuses the save if they changed since.
  const [expected, setExpected] = useState(category?.shares ?? []);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [refusedHere, setRefusedHere] = useState(false);
  const [saved, setSaved] = useState(false);
  const [conflict, setConflict] = useState<TheirShares | null>(null);
  const check = checkShares(entries, intlLocale);
  const exact = check.state === "sum" && check.exact;

  const save = useMutation(
    trpc.crosswalk.setCategory.mutationOptions({
      onSuccess: async (_ok, input) => {
        setErrors({});
        setConflict(null);
        setExpected(input.shares);
        setSaved(true);
        await queryClient.invalidateQueries({ queryKey: trpc.crosswalk.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.report.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.audit.pathKey() });
      },
      onError: (error) => {
        const info = errorInfo(error, locale);
        setSaved(false);
        if (info.code === "CONFLICT" && info.conflictCurrent) {
          setConflict(info.conflictCurrent as unknown as TheirShares);
          void queryClient.invalidateQueries({ queryKey: trpc.crosswalk.pathKey() });
          return;
        }
        setErrors(fieldErrorsOf(info));
      },
    }),
  );
  const send = (expectedShares: StoredCategory["shares"]) => {
    save.mutate({
      taxonomy,
      category: code.trim(),
      name: name.trim(),
      shares: sharesToApi(entries, intlLocale),
      expected: expectedShares,
    });
  };
  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    setSaved(false);
    // Refused here first; the server checks again with the same exact rule.
    if (!exact) {
      setRefusedHere(true);
      return;
    }
    setRefusedHere(false);
    send(expected);
  };
  const setShare = (i: number, text: string) => {
    setSaved(false);
    setEntries(entries.map((e, j) => (j === i ? { ...e, text } : e)));
  };

  const sumText =
    check.state === "empty"
      ? w.sharesEmpty
      : check.state === "invalid"
        ? w.sharesInvalid(check.invalid.join(", "))
        : check.exact
          ? w.shareSumOk(ratioText(check.sum, intlLocale))
          : w.shareSumNotOne(ratioText(check.sum, intlLocale));
  const theirs = conflict ? entriesOf(conflict.shares, intlLocale) : null;
  const title = category
    ? w.editSharesTitle(taxonomy, category.code)
    : w.newCategoryTitle(taxonomy);

  return (
    <form
      className="ws-form shares-form"
      aria-labelledby="shares-title"
      noValidate
      onSubmit={submit}
    >
      <h3 id="shares-title">{title}</h3>
      {conflict && theirs && (
        <ConflictPanel
          heading={w.crosswalkConflictHeading}
          who={cell(conflict.updated_by) || w.none}
          at={cell(conflict.updated_at) || null}
          version={null}
          rows={COMMON_CODES.map((c, i) => ({
            key: c,
            label: `${c} ${m.categories[c] ?? ""}`,
            mine: entries[i]!.text,
            theirs: theirs[i]!.text,
          }))}
          onKeepMine={() => {
            if (!exact) {
              setRefusedHere(true);
              return;
            }
            setExpected(conflict.shares);
            send(conflict.shares);
          }}
          onTakeTheirs={() => {
            setEntries(theirs);
            setExpected(conflict.shares);
            setConflict(null);
          }}
        />
      )}
      <div className="ws-grid">
        {category === null && (
          <>
            <Field name="category" label={w.categoryCode} errors={errors}>
              {(p) => (
                <input
                  {...p}
                  autoFocus
                  value={code}
                  onChange={(e) => {
                    setCode(e.target.value);
                  }}
                />
              )}
            </Field>
            <Field name="name" label={w.categoryName} errors={errors}>
              {(p) => (
                <input
                  {...p}
                  value={name}
                  onChange={(e) => {
                    setName(e.target.value);
                  }}
                />
              )}
            </Field>
          </>
        )}
        {entries.map((e, i) => (
          <Field
            key={e.commonCategory}
            name={`share-${e.commonCategory}`}
            label={w.shareOf(e.commonCategory, m.categories[e.commonCategory] ?? "")}
            errors={
              check.state === "invalid" && check.invalid.includes(e.commonCategory)
                ? { [`share-${e.commonCategory}`]: [w.shareNotInRange] }
                : {}
            }
          >
            {(p) => (
              <input
                {...p}
                inputMode="decimal"
                autoComplete="off"
                autoFocus={category !== null && i === 0}
                size={8}
                value={e.text}
                onChange={(ev) => {
                  setShare(i, ev.target.value);
                }}
              />
            )}
          </Field>
        ))}
      </div>
      <p
        className={`share-sum ${exact ? "ok" : "error"}`}
        data-state={check.state === "sum" ? (check.exact ? "exact" : "not-one") : check.state}
        role="status"
      >
        <span aria-hidden="true">{exact ? "✓ " : "✗ "}</span>
        {sumText}
      </p>
      {errors.shares && <p className="field-error">{errors.shares.join(" ")}</p>}
      {errors._ && <p className="error">{errors._.join(" ")}</p>}
      {refusedHere && !exact && (
        <p className="error" role="alert">
          {w.sharesRefused}
        </p>
      )}
      {saved && (
        <p className="ok" role="status">
          {w.sharesSaved}
        </p>
      )}
      <p className="note">{w.shareHint}</p>
      <button type="submit" disabled={save.isPending}>
        {save.isPending ? w.saving : w.saveShares}
      </button>{" "}
      <button type="button" onClick={onDone}>
        {w.close}
      </button>{" "}
      {category && (
        <Link
          href={`/workspace/audit?table=crosswalk_shares&recordId=${encodeURIComponent(`${taxonomy}/${category.code}`)}`}
        >
          {w.auditForCategory}
        </Link>
      )}
    </form>
  );
}
