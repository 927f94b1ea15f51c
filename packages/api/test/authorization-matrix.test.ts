// Every procedure of the router, called as each kind of caller, against one declared table of
// outcomes. A procedure missing from the table (or a table row with no procedure) fails.
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ENGINES } from "@coherence/db/testing";
import { readMapping, runImport } from "@coherence/imports";
import { appRouter, hashPassword } from "../src/index";
import { issueApiToken } from "../src/auth/api-tokens";
import { CALLERS, PASSWORD, createFixture, flowInput, insertFlow } from "./support";
import type { CallerKind, Fixture } from "./support";

/** "refused-rows": a batch call that answers, with every row refused and nothing saved. */
type Outcome = "ok" | "UNAUTHORIZED" | "FORBIDDEN" | "refused-rows";
type Profile = Record<CallerKind, Outcome>;

const PUBLIC: Profile = {
  anonymous: "ok",
  reviewer: "ok",
  financeOther: "ok",
  financeOwn: "ok",
  admin: "ok",
};
const READ: Profile = { ...PUBLIC, anonymous: "UNAUTHORIZED" };
const ADMIN: Profile = {
  anonymous: "UNAUTHORIZED",
  reviewer: "FORBIDDEN",
  financeOther: "FORBIDDEN",
  financeOwn: "FORBIDDEN",
  admin: "ok",
};
/** Writes scoped to MINUSCA: its own finance officer and admins only. */
const SCOPED: Profile = { ...ADMIN, financeOwn: "ok" };
/** Any writer; what they may touch is checked per row (rows outside their scope are problems). */
const WRITER: Profile = { ...SCOPED, financeOther: "ok" };

const importFile = (n: number) => ({
  kind: "flows" as const,
  files: [
    {
      fileName: `matrix-${n}.csv`,
      encoding: "text" as const,
      content:
        "external_ref,source,recipient,operation,task_code,funding_type,status,amount,currency,date,period_start,period_end,earmarking,category,notes\n" +
        `MATRIX-IMPORT-${n},NOR,UNICEF,MINUSCA,CIV-PROTECT,voluntary_earmarked,pledged,10.00,USD,2025-03-01,,,,,\n`,
    },
  ],
});

type InputFactory = (fx: Fixture, kind: CallerKind, n: number) => unknown;

/**
 * A finished import job of the caller's own (an administrator's for callers who cannot import),
 * waiting for the caller's earlier job to end: one import runs per user at a time.
 */
async function startedJob(fx: Fixture, kind: CallerKind, n: number): Promise<string> {
  const owner = fx.caller(kind === "anonymous" || kind === "reviewer" ? "admin" : kind);
  for (let attempt = 0; attempt < 400; attempt++) {
    try {
      const { jobId } = await owner.import.start(importFile(n + 9000));
      while ((await owner.import.progress({ jobId })).state === "running")
        await new Promise((resolve) => setTimeout(resolve, 25));
      return jobId;
    } catch (error) {
      if (!(error instanceof TRPCError) || error.code !== "CONFLICT") throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
  throw new Error("no import job could be started");
}
const none: InputFactory = () => undefined;

async function flowRef(fx: Fixture, deleted = false) {
  const flow = await insertFlow(fx.connection, { deleted });
  return { id: flow.id, version: flow.version };
}

const requirementInput = (n: number) => ({
  externalRef: `MATRIX-${n}`,
  operation: "MINUSCA",
  entity: "UN-DPO",
  taskCode: "PEACE-PROC",
  category: null,
  periodStart: "2025-07-01",
  periodEnd: "2026-06-30",
  stage: "proposed" as const,
  amount: "1000.00",
  currency: "USD",
  document: null,
});

const mandateInput = (n: number) => ({
  operation: "MINUSCA",
  resolution: `S/RES/MATRIX-${n}`,
  adoptedOn: "2025-11-13",
  periodStart: "2025-11-15",
  periodEnd: "2026-11-15",
  tasks: [{ code: "CIV-PROTECT", title: "Protection of civilians", rank: 1 }],
});

const TABLE: Record<string, { profile: Profile; input: InputFactory }> = {
  "auth.login": {
    profile: PUBLIC,
    input: async (fx, _kind, n) => {
      const username = `t.login.${n}`;
      await fx.connection.db
        .insertInto("users")
        .values({
          username,
          display_name: username,
          role: "reviewer",
          password_hash: await hashPassword(PASSWORD),
        })
        .execute();
      return { username, password: PASSWORD };
    },
  },
  "auth.logout": { profile: PUBLIC, input: none },
  "auth.me": { profile: PUBLIC, input: none },
  "auth.changePassword": {
    profile: READ,
    input: () => ({ current: PASSWORD, next: "a much longer new password" }),
  },
  "token.list": { profile: READ, input: none },
  "token.create": { profile: READ, input: () => ({ name: "script" }) },
  "token.revoke": {
    profile: READ,
    input: async (fx, kind) => {
      const userId = fx.principals[kind]?.userId ?? fx.principals.admin!.userId!;
      const token = await issueApiToken(fx.connection.db, userId, "to revoke", new Date(), null);
      return { id: token.id };
    },
  },
  "user.list": { profile: ADMIN, input: none },
  "user.create": {
    profile: ADMIN,
    input: (_fx, _kind, n) => ({
      username: `t.new.${n}`,
      displayName: "New",
      role: "reviewer",
      password: "long enough password",
    }),
  },
  "user.update": {
    profile: ADMIN,
    input: async (fx, _kind, n) => {
      const { id } = await fx.connection.db
        .insertInto("users")
        .values({ username: `t.upd.${n}`, display_name: "x", role: "reviewer", password_hash: "x" })
        .returning("id")
        .executeTakeFirstOrThrow();
      return { id, version: 1, displayName: "Renamed" };
    },
  },
  "organization.list": { profile: READ, input: none },
  "organization.create": {
    profile: ADMIN,
    input: (_fx, _kind, n) => ({
      code: `ORG-${n}`,
      name: "Org",
      kind: "other_donor",
      fiscalYearStartMonth: 1,
      currency: "USD",
    }),
  },
  "organization.update": {
    profile: ADMIN,
    input: async (fx) => {
      const org = await fx.connection.db
        .selectFrom("organizations")
        .selectAll()
        .where("code", "=", "EU")
        .executeTakeFirstOrThrow();
      return {
        id: org.id,
        version: org.version,
        code: "EU",
        name: org.name,
        kind: org.kind,
        fiscalYearStartMonth: 1,
        currency: "EUR",
      };
    },
  },
  "operation.list": { profile: READ, input: none },
  "operation.get": { profile: READ, input: () => ({ code: "MINUSCA" }) },
  "operation.create": {
    profile: ADMIN,
    input: (_fx, _kind, n) => ({ code: `OP-${n}`, name: "Op", country: "MLI" }),
  },
  "operation.update": {
    profile: ADMIN,
    input: async (fx) => {
      const op = await fx.connection.db
        .selectFrom("operations")
        .selectAll()
        .where("code", "=", "UNMISS")
        .executeTakeFirstOrThrow();
      return { id: op.id, version: op.version, code: "UNMISS", name: op.name, country: "SSD" };
    },
  },
  "mandate.list": { profile: READ, input: () => ({ operation: "MINUSCA" }) },
  "mandate.create": {
    profile: SCOPED,
    input: (_fx, _kind, n) => ({
      operation: "MINUSCA",
      resolution: `S/RES/MATRIX-${n}`,
      adoptedOn: "2025-11-13",
      periodStart: "2025-11-15",
      periodEnd: "2026-11-15",
      tasks: [{ code: "CIV-PROTECT", title: "Protection of civilians", rank: 1 }],
    }),
  },
  "mandate.update": {
    profile: SCOPED,
    input: async (fx, _kind, n) => {
      const created = await fx.caller("admin").mandate.create(mandateInput(n + 1000));
      return {
        ...mandateInput(n + 1000),
        id: created.id,
        version: created.version,
        militaryCeiling: 12000,
      };
    },
  },
  "mandate.remove": {
    profile: SCOPED,
    input: async (fx, _kind, n) => {
      const created = await fx.caller("admin").mandate.create(mandateInput(n + 2000));
      return { id: created.id, version: created.version };
    },
  },
  "organization.remove": {
    profile: ADMIN,
    input: async (fx, _kind, n) => {
      const row = await fx.connection.db
        .insertInto("organizations")
        .values({
          code: `DEL-${n}`,
          name: "To delete",
          kind: "partner",
          fiscal_year_start_month: 1,
          currency: "USD",
          taxonomy: null,
        })
        .returning(["id", "version"])
        .executeTakeFirstOrThrow();
      return row;
    },
  },
  "operation.remove": {
    profile: ADMIN,
    input: async (fx, _kind, n) => {
      const row = await fx.connection.db
        .insertInto("operations")
        .values({ code: `DEL-OP-${n}`, name: "To delete", country: "MLI" })
        .returning(["id", "version"])
        .executeTakeFirstOrThrow();
      return row;
    },
  },
  "requirement.list": { profile: READ, input: () => ({ operation: "MINUSCA" }) },
  "requirement.get": {
    profile: READ,
    input: async (fx, _kind, n) => ({
      id: (await fx.caller("admin").requirement.create(requirementInput(n + 3000))).id,
    }),
  },
  "requirement.create": { profile: SCOPED, input: (_fx, _kind, n) => requirementInput(n) },
  "requirement.update": {
    profile: SCOPED,
    input: async (fx, _kind, n) => {
      const created = await fx.caller("admin").requirement.create(requirementInput(n + 1000));
      return {
        ...requirementInput(n + 1000),
        id: created.id,
        version: created.version,
        amount: "2000.00",
      };
    },
  },
  "requirement.remove": {
    profile: SCOPED,
    input: async (fx, _kind, n) => {
      const created = await fx.caller("admin").requirement.create(requirementInput(n + 2000));
      return { id: created.id, version: created.version };
    },
  },
  "flow.list": { profile: READ, input: () => ({ operation: "MINUSCA" }) },
  "flow.get": { profile: READ, input: async (fx) => ({ id: (await flowRef(fx)).id }) },
  "flow.create": { profile: SCOPED, input: () => flowInput },
  "flow.createMany": {
    profile: { ...SCOPED, financeOther: "refused-rows" },
    input: () => ({ rows: [flowInput], dryRun: false }),
  },
  "flow.update": {
    profile: SCOPED,
    input: async (fx) => ({ ...flowInput, ...(await flowRef(fx)) }),
  },
  "flow.advanceStatus": {
    profile: SCOPED,
    input: async (fx) => ({ ...(await flowRef(fx)), status: "committed", date: "2025-04-01" }),
  },
  "flow.remove": { profile: SCOPED, input: (fx) => flowRef(fx) },
  "flow.restore": { profile: SCOPED, input: (fx) => flowRef(fx, true) },
  "rate.list": { profile: READ, input: none },
  "rate.inForce": { profile: READ, input: () => ({ currency: "EUR", date: "2025-01-01" }) },
  "rate.set": {
    profile: ADMIN,
    input: () => ({ currency: "GBP", effectiveDate: "2025-01-01", unitsPerUsd: "0.775" }),
  },
  "rate.remove": {
    profile: ADMIN,
    input: async (fx, _kind, n) => {
      const effective_date = `2020-01-${String(1 + (n % 28)).padStart(2, "0")}`;
      await fx.connection.db
        .insertInto("exchange_rates")
        .values({ currency: "NOK", effective_date, units_per_usd: "10.5" })
        .onConflict((oc) => oc.doNothing())
        .execute();
      return { currency: "NOK", effectiveDate: effective_date };
    },
  },
  "crosswalk.list": {
    profile: READ,
    input: async (fx) => {
      await fx.connection.db
        .insertInto("taxonomies")
        .values({ code: "MATRIX-TAX", name: "Matrix" })
        .onConflict((oc) => oc.doNothing())
        .execute();
      return { taxonomy: "MATRIX-TAX" };
    },
  },
  "crosswalk.taxonomies": { profile: READ, input: none },
  "crosswalk.createTaxonomy": {
    profile: ADMIN,
    input: (_fx, _kind, n) => ({ code: `TAX-${n}`, name: "Taxonomy" }),
  },
  "crosswalk.setCategory": {
    profile: ADMIN,
    input: async (fx) => {
      await fx.connection.db
        .insertInto("taxonomies")
        .values({ code: "MATRIX-TAX", name: "Matrix" })
        .onConflict((oc) => oc.doNothing())
        .execute();
      return {
        taxonomy: "MATRIX-TAX",
        category: "STAFF",
        name: "Staff",
        shares: [{ commonCategory: "UNSDG-1", share: "1" }],
      };
    },
  },
  "scale.list": { profile: READ, input: none },
  "scale.set": {
    profile: ADMIN,
    input: () => ({
      scale: "peacekeeping-2025",
      memberState: "USA",
      periodStart: "2025-01-01",
      periodEnd: "2025-12-31",
      ratePercent: "26.94",
    }),
  },
  "audit.list": { profile: READ, input: () => ({}) },
  "analytics.timeline": { profile: READ, input: () => ({ operation: "MINUSCA" }) },
  "analytics.flowGraph": {
    profile: READ,
    input: () => ({ operation: "MINUSCA", period: { kind: "calendar", year: 2025 } }),
  },
  "analytics.coverageGrid": {
    profile: READ,
    input: () => ({
      operation: "MINUSCA",
      kind: "peacekeeping",
      granularity: "quarter",
      fromYear: 2023,
      toYear: 2025,
    }),
  },
  "analytics.donor": { profile: READ, input: () => ({ donor: "USA" }) },
  "analytics.predictabilityExplain": {
    profile: READ,
    input: () => ({ operation: "MINUSCA", asOf: "2025-06-30", measure: "volatility" }),
  },
  "report.portfolio": {
    profile: READ,
    input: () => ({ period: { kind: "peacekeeping", year: 2024 } }),
  },
  "report.operation": {
    profile: READ,
    input: () => ({ operation: "MINUSCA", period: { kind: "peacekeeping", year: 2024 } }),
  },
  "report.drilldown": {
    profile: READ,
    input: () => ({ operation: "MINUSCA", period: { kind: "calendar", year: 2025 }, by: "donor" }),
  },
  "report.explain": {
    profile: READ,
    input: () => ({
      operation: "MINUSCA",
      period: { kind: "peacekeeping", year: 2024 },
      taskCode: "CIV-PROTECT",
      measure: "gap",
      filter: { entityCode: "UNDP" },
    }),
  },
  "report.predictability": {
    profile: READ,
    input: () => ({ operation: "MINUSCA", asOf: "2025-11-01", donor: "USA" }),
  },
  "report.execution": {
    profile: READ,
    input: () => ({ operation: "MINUSCA", period: { kind: "peacekeeping", year: 2024 } }),
  },
  "report.scorecards": {
    profile: READ,
    input: () => ({ operation: "MINUSCA", period: { kind: "peacekeeping", year: 2024 } }),
  },
  "import.upload": { profile: WRITER, input: (_fx, _kind, n) => ({ files: importFile(n).files }) },
  "import.preview": { profile: WRITER, input: (_fx, _kind, n) => importFile(n) },
  "import.commit": { profile: WRITER, input: (_fx, _kind, n) => importFile(n) },
  "import.list": { profile: WRITER, input: () => ({}) },
  "import.inspect": {
    profile: WRITER,
    input: (_fx, _kind, n) => ({ kind: "flows", source: "NOR", file: importFile(n).files[0] }),
  },
  "import.start": { profile: WRITER, input: (_fx, _kind, n) => importFile(n) },
  "import.progress": {
    profile: WRITER,
    input: async (fx, kind, n) => ({ jobId: await startedJob(fx, kind, n) }),
  },
  "import.undo": {
    profile: SCOPED,
    input: async (fx, _kind, n) => {
      const outcome = await runImport(fx.connection.db, {
        kind: "flows",
        files: [{ fileName: "undo.csv", data: importFile(n + 5000).files[0]!.content }],
        actor: "user:t.admin",
      });
      return { id: outcome.importId! };
    },
  },
  "import.mapping": { profile: WRITER, input: () => ({ kind: "fts" }) },
  "import.setMapping": {
    profile: ADMIN,
    input: async (fx) => ({
      kind: "iati",
      version: (await readMapping(fx.connection.db, "iati")).version,
      mapping: { organizations: [], activities: [] },
    }),
  },
};

function procedureAt(caller: unknown, path: string): (input: unknown) => Promise<unknown> {
  let node = caller as Record<string, unknown>;
  for (const part of path.split(".")) node = node[part] as Record<string, unknown>;
  return node as unknown as (input: unknown) => Promise<unknown>;
}

describe("the authorisation table", () => {
  it("names every procedure of the router, and nothing else", () => {
    const procedures = Object.keys(appRouter._def.procedures).sort();
    expect(Object.keys(TABLE).sort()).toEqual(procedures);
  });
});

describe.each(ENGINES)("authorisation on %s", (engine) => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await createFixture(engine, inject("pgUrl"));
  });
  afterAll(async () => {
    await fx.close();
  });

  let counter = 0;
  for (const [path, { profile, input }] of Object.entries(TABLE)) {
    it.each(CALLERS)(`${path} as %s`, async (kind) => {
      counter += 1;
      const value = await input(fx, kind, counter);
      const call = procedureAt(fx.caller(kind), path);
      const expected = profile[kind];
      if (expected === "ok") {
        await expect(call(value)).resolves.not.toBeInstanceOf(TRPCError);
      } else if (expected === "refused-rows") {
        await expect(call(value)).resolves.toMatchObject({ ok: false, saved: 0 });
      } else {
        await expect(call(value)).rejects.toMatchObject({ code: expected });
      }
    });
  }
});
