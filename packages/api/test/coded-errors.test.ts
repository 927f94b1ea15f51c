// What a client receives when the routers refuse: every message with its code and parameters
// (the error formatter's data), so the web app can say each one in French. The mandate, budget
// line, crosswalk, user, sign-in and token routers; dates; pasted rows; records not found.
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ENGINES } from "@coherence/db/testing";
import { fillTemplate } from "@coherence/interchange";
import { API_MESSAGES } from "../src/messages";
import type { MessageCode } from "../src/messages";
import { errorDetailsOf } from "../src/trpc";
import { createCaller, createFixture, flowInput } from "./support";
import type { Fixture } from "./support";

interface Refusal {
  code: TRPCError["code"];
  message: string;
  /** The code of the whole message, or of each field's messages. */
  messageCode: MessageCode | null;
  fieldCodes: Record<string, MessageCode[]> | null;
  fieldErrors: Record<string, string[] | undefined> | null;
  conflict: unknown;
}

/** The refusal as the client receives it; fails when the call succeeds. */
async function refusal(call: () => Promise<unknown>): Promise<Refusal> {
  try {
    await call();
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const details = errorDetailsOf(error);
    checkCoded(error.message, details.messageCode, details.fieldErrors, details.fieldCodes);
    return { code: error.code, message: error.message, ...details };
  }
  throw new Error("the call was not refused");
}

/** Every message has a known code, and its English is the code's template filled in. */
function checkCoded(
  message: string,
  messageCode: MessageCode | null,
  fieldErrors: Record<string, string[] | undefined> | null,
  fieldCodes: Record<string, MessageCode[]> | null,
): void {
  const check = (text: string, coded: MessageCode | undefined) => {
    expect(coded?.code, text).toBeTruthy();
    expect(fillTemplate(API_MESSAGES[coded!.code!], coded!.params)).toBe(text);
  };
  if (fieldErrors && fieldCodes) {
    for (const [field, texts] of Object.entries(fieldErrors))
      texts?.forEach((text, i) => {
        check(text, fieldCodes[field]?.[i]);
      });
    return;
  }
  check(message, messageCode ?? undefined);
}

const fieldCode = (r: Refusal, field: string) => r.fieldCodes?.[field]?.map((c) => c.code);

describe.each(ENGINES)("coded refusals on %s", (engine) => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await createFixture(engine, inject("pgUrl"));
  });
  afterAll(async () => {
    await fx.close();
  });

  const mandate = {
    operation: "MINUSCA",
    resolution: "S/RES/9999 (2030)",
    adoptedOn: "2030-01-01",
    periodStart: "2030-01-01",
    periodEnd: "2030-12-31",
    tasks: [{ code: "T-1", title: "One", rank: 1 }],
  };

  it("mandates: shared ranks, no task, an unknown mandate superseded, outside one's assignments", async () => {
    const own = fx.caller("financeOwn");
    const twice = await refusal(() =>
      own.mandate.create({
        ...mandate,
        tasks: [
          { code: "A", title: "A", rank: 1 },
          { code: "B", title: "B", rank: 1 },
        ],
      }),
    );
    expect(fieldCode(twice, "tasks")).toEqual(["tasks_share_rank"]);
    const none = await refusal(() => own.mandate.create({ ...mandate, tasks: [] }));
    expect(fieldCode(none, "tasks")).toEqual(["mandate_needs_task"]);
    const superseded = await refusal(() => own.mandate.create({ ...mandate, supersedes: "S/X" }));
    expect(superseded.fieldCodes?.supersedes).toEqual([
      { code: "unknown_mandate", params: { resolution: "S/X", operation: "MINUSCA" } },
    ]);
    const outside = await refusal(() => fx.caller("financeOther").mandate.create(mandate));
    expect(outside.messageCode).toEqual({
      code: "not_assigned_operation",
      params: { operation: "MINUSCA" },
    });
  });

  it("removing a mandate changed since: CONFLICT with the mandate as it is now, tasks included", async () => {
    const own = fx.caller("financeOwn");
    const created = await own.mandate.create({ ...mandate, resolution: "S/RES/9998 (2030)" });
    await fx.caller("admin").mandate.update({
      id: created.id,
      version: created.version,
      ...mandate,
      resolution: "S/RES/9998 (2030)",
      tasks: [
        { code: "T-1", title: "One", rank: 1 },
        { code: "T-2", title: "Two", rank: 2 },
      ],
    });
    const stale = await refusal(() => own.mandate.remove({ id: created.id, version: 1 }));
    expect(stale.code).toBe("CONFLICT");
    expect(stale.messageCode).toMatchObject({
      code: "record_changed",
      params: { who: "user:t.admin", version: 2 },
    });
    expect(stale.conflict).toMatchObject({
      current: {
        id: created.id,
        version: 2,
        updated_by: "user:t.admin",
        tasks: [
          { code: "T-1", title: "One", rank: 1 },
          { code: "T-2", title: "Two", rank: 2 },
        ],
      },
    });
    // Nothing was removed; at the version now shown, it is.
    await expect(own.mandate.remove({ id: created.id, version: 2 })).resolves.toEqual({ ok: true });
  });

  it("budget lines: a stage already there, outside one's assignments, a line not found", async () => {
    const existing = await fx.connection.db
      .selectFrom("requirements")
      .innerJoin("operations", "operations.id", "requirements.operation_id")
      .innerJoin("organizations", "organizations.id", "requirements.entity_id")
      .select(["external_ref", "stage", "operations.code as op", "organizations.code as entity"])
      .where("operations.code", "=", "MINUSCA")
      .executeTakeFirstOrThrow();
    const line = {
      externalRef: existing.external_ref,
      operation: existing.op,
      entity: existing.entity,
      taskCode: null,
      periodStart: "2025-07-01",
      periodEnd: "2026-06-30",
      stage: existing.stage,
      amount: "10.00",
      currency: "USD",
    };
    const twice = await refusal(() => fx.caller("financeOwn").requirement.create(line));
    expect(twice.fieldCodes?.externalRef).toEqual([
      {
        code: "budget_line_stage_exists",
        params: { ref: existing.external_ref, stage: existing.stage },
      },
    ]);
    const outside = await refusal(() => fx.caller("financeOther").requirement.create(line));
    expect(outside.messageCode?.code).toBe("not_assigned_budget_line_of");
    const missing = await refusal(() => fx.caller("reviewer").requirement.get({ id: 999_999 }));
    expect([missing.code, missing.messageCode]).toEqual([
      "NOT_FOUND",
      { code: "record_not_found", params: { table: "requirements", id: 999_999 } },
    ]);
  });

  it("crosswalks: each issue of the shares a code with its values; unknown and foreign taxonomies", async () => {
    const admin = fx.caller("admin");
    const setShares = (...shares: [string, string][]) =>
      refusal(() =>
        admin.crosswalk.setCategory({
          taxonomy: "DPO-GROUPS",
          category: "NEW-CAT",
          name: "New",
          shares: shares.map(([commonCategory, share]) => ({ commonCategory, share })),
        }),
      );
    const shares = await setShares(["UNSDG-1", "0.5"], ["UNSDG-2", "3/2"]);
    expect(shares.fieldCodes?.shares).toEqual([
      { code: "crosswalk_share_range", params: { share: "3/2" } },
    ]);
    const sum = await setShares(["UNSDG-1", "0.5"], ["UNSDG-2", "0.4"]);
    expect(sum.fieldCodes?.shares).toEqual([{ code: "crosswalk_sum", params: { sum: "9/10" } }]);
    const unknown = await refusal(() => admin.crosswalk.list({ taxonomy: "NOPE" }));
    expect(unknown.messageCode).toEqual({ code: "unknown_taxonomy", params: { code: "NOPE" } });
    const foreign = await refusal(() =>
      fx.caller("financeOwn").crosswalk.setCategory({
        taxonomy: "DPO-GROUPS",
        category: "X",
        name: "X",
        shares: [{ commonCategory: "UNSDG-1", share: "1" }],
      }),
    );
    expect(foreign.messageCode).toEqual({
      code: "not_assigned_taxonomy",
      params: { taxonomy: "DPO-GROUPS" },
    });
  });

  it("users, sign-in and tokens", async () => {
    const admin = fx.caller("admin");
    const assignment = await refusal(() =>
      admin.user.create({
        username: "new.user",
        displayName: "New",
        role: "finance_officer",
        password: "long enough password",
        assignments: [{ operation: "NOPE", entity: null }],
      }),
    );
    expect(assignment.fieldCodes?.assignments).toEqual([
      { code: "assignment_unknown_operation", params: { index: 1, code: "NOPE" } },
    ]);
    const stale = await refusal(() =>
      admin.user.update({ id: fx.principals.reviewer!.userId!, version: 99, displayName: "X" }),
    );
    expect(stale.messageCode?.code).toBe("account_changed");
    const anonymous = fx.caller("anonymous", { client: "10.9.9.9" });
    const wrong = await refusal(() =>
      anonymous.auth.login({ username: "t.reviewer", password: "not the password" }),
    );
    expect([wrong.code, wrong.messageCode?.code]).toEqual(["UNAUTHORIZED", "wrong_credentials"]);
    const empty = await refusal(() => anonymous.auth.login({ username: "", password: "" }));
    expect([fieldCode(empty, "username"), fieldCode(empty, "password")]).toEqual([
      ["enter_username"],
      ["enter_password"],
    ]);
    const current = await refusal(() =>
      fx.caller("reviewer").auth.changePassword({ current: "wrong", next: "a new long password" }),
    );
    expect(fieldCode(current, "current")).toEqual(["current_password_wrong"]);
    const short = await refusal(() =>
      fx.caller("reviewer").auth.changePassword({ current: "x", next: "short" }),
    );
    expect(short.fieldCodes?.next).toEqual([{ code: "too_short", params: { minimum: 10 } }]);
    const viaToken = createCaller(fx.context({ ...fx.principals.reviewer!, via: "token" }));
    const token = await refusal(() => viaToken.token.create({ name: "script" }));
    expect(token.messageCode?.code).toBe("token_needs_password");
    const revoke = await refusal(() => fx.caller("reviewer").token.revoke({ id: 999_999 }));
    expect(revoke.messageCode?.code).toBe("token_not_found");
  });

  it.each([
    ["", "date_required"],
    ["31/12/2025", "date_format"],
    ["2025-02-30", "not_calendar_date"],
  ])("a date %j gets one message: %s", async (date, code) => {
    const r = await refusal(() => fx.caller("financeOwn").flow.create({ ...flowInput, date }));
    expect(r.fieldErrors?.date).toHaveLength(1);
    expect(fieldCode(r, "date")).toEqual([code]);
  });

  it("pasted rows: each cell's message with its code, the row's refusal too", async () => {
    const result = await fx.caller("financeOwn").flow.createMany({
      dryRun: true,
      rows: [
        { ...flowInput, currency: "XYZ", date: "" },
        { ...flowInput, operation: null, taskCode: null },
      ],
    });
    expect(result.ok).toBe(false);
    const [bad, outside] = result.rows;
    expect(bad!.codes).toEqual({
      date: [{ code: "date_required", params: {} }],
      currency: [{ code: "unknown_currency", params: {} }],
    });
    expect(Object.keys(bad!.errors).sort()).toEqual(["currency", "date"]);
    checkCoded("", null, bad!.errors, bad!.codes);
    expect(outside!.codes._row).toEqual([
      { code: "not_assigned_flow_no_operation", params: { recipient: "UNICEF" } },
    ]);
    checkCoded("", null, outside!.errors, outside!.codes);
  });

  it("records not found: an operation, a donor, an import, a rate", async () => {
    const reviewer = fx.caller("reviewer");
    const operation = await refusal(() =>
      reviewer.report.operation({
        operation: "NOPE",
        period: { kind: "peacekeeping", year: 2024 },
      }),
    );
    expect([operation.code, operation.messageCode]).toEqual([
      "NOT_FOUND",
      { code: "unknown_operation", params: { code: "NOPE" } },
    ]);
    const donor = await refusal(() => reviewer.analytics.donor({ donor: "NOPE" }));
    expect(donor.messageCode?.code).toBe("unknown_organization");
    const undo = await refusal(() => fx.caller("financeOwn").import.undo({ id: 999_999 }));
    expect(undo.messageCode).toEqual({ code: "import_not_found", params: { id: 999_999 } });
    const rate = await refusal(() =>
      fx.caller("admin").rate.remove({ currency: "EUR", effectiveDate: "1999-01-01" }),
    );
    expect(rate.messageCode?.code).toBe("rate_not_found");
  });
});
