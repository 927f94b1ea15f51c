// The demo dataset loads through the importers only, on both engines, and a second load of the
// same files changes nothing.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Connection } from "@coherence/db";
import { ENGINES, freshDatabase } from "@coherence/db/testing";
import { operationReport } from "@coherence/reports";
import { loadDemoDataset, loadDemoDatasetIfEmpty } from "../src/index";

describe.each(ENGINES)("the demo dataset on %s", (engine) => {
  let connection: Connection;
  beforeAll(async () => {
    connection = await freshDatabase(engine, inject("pgUrl"));
  });
  afterAll(async () => {
    await connection.close();
  });

  it("loads through the importers: every file an atomic import, audited", async () => {
    expect(await loadDemoDatasetIfEmpty(connection.db, "system:demo")).toBe(true);
    const imports = await connection.db
      .selectFrom("imports")
      .select(["kind", "file_name"])
      .orderBy("id")
      .execute();
    expect(imports.map((i) => i.kind)).toEqual([
      "organizations",
      "rates",
      "crosswalk",
      "scales",
      "mandates",
      "requirements",
      "flows",
      "flows",
      "flows",
    ]);
    const ops = await connection.db
      .selectFrom("operations")
      .select("code")
      .orderBy("code")
      .execute();
    expect(ops.map((o) => o.code)).toEqual(["MINUSCA", "MONUSCO", "UNIFIL", "UNMISS"]);
    const unaudited = await connection.db
      .selectFrom("flows")
      .leftJoin("audit_log", (join) =>
        join
          .onRef("audit_log.record_id", "=", (eb) => eb.cast("flows.id", "text"))
          .on("audit_log.table_name", "=", "flows"),
      )
      .select("flows.id")
      .where("audit_log.id", "is", null)
      .execute();
    expect(unaudited).toEqual([]);
    const history = await connection.db
      .selectFrom("flow_status_history")
      .innerJoin("flows", "flows.id", "flow_status_history.flow_id")
      .select(["flow_status_history.status"])
      .where("flows.external_ref", "=", "DEMO-UNHCR-NOR-2025")
      .orderBy("flow_status_history.id")
      .execute();
    expect(history.map((h) => h.status)).toEqual(["pledged", "committed", "paid"]);
    const gbp = await connection.db
      .selectFrom("flows")
      .select("amount_usd_cents")
      .where("external_ref", "=", "DEMO-UNICEF-GBR-2024")
      .executeTakeFirstOrThrow();
    expect(gbp.amount_usd_cents).toBe(645_161_290);
    const report = await operationReport(connection.db, "MINUSCA", {
      kind: "peacekeeping",
      year: 2024,
    });
    expect(report.tasks.map((t) => t.taskCode)).toEqual([
      "CIV-PROTECT",
      "STATE-AUTH",
      "PEACE-PROC",
      "HUMANITARIAN",
      "UN-PROTECT",
    ]);
    expect(report.total.requirement).toBeGreaterThan(1_000_000_000_00);
  });

  it("never loads over existing data, and the same files again change nothing", async () => {
    expect(await loadDemoDatasetIfEmpty(connection.db, "system:demo")).toBe(false);
    const outcomes = await loadDemoDataset(connection.db, "system:demo");
    // Reference data, mandates and budget lines are unchanged; flows.csv moves the flows that
    // later files advanced back to their first status (the file says so), and the later files
    // forward again.
    const reference = outcomes.slice(0, 6);
    expect(reference.every((o) => o.counts.created === 0 && o.counts.updated === 0)).toBe(true);
    expect(outcomes.every((o) => o.counts.created === 0)).toBe(true);
  });
});
