// The `coherence` command against temporary SQLite databases (and PostgreSQL at the end):
// exit codes, stdout carrying only the output, every command's help, imports, reports,
// exports, assessments, undo, backups and users.
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { freshDatabase } from "@coherence/db/testing";
import { DEMO_DIR, DEMO_FILES } from "@coherence/imports";
import { COMMANDS } from "../src/commands";
import { cli, tempDir } from "./support";

const here = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(here, "..", "..", "..");

let dir: string;
let db: string;
const c = (args: string[], stdin?: string) =>
  cli([...args, "--db", db], { cwd: dir, ...(stdin === undefined ? {} : { stdin }) });

async function loadDemo(target: string) {
  for (const { kind, file } of DEMO_FILES) {
    const result = await cli(["import", kind, path.join(DEMO_DIR, file), "--db", target], {
      cwd: dir,
    });
    expect(result.code, result.stderr).toBe(0);
  }
}

beforeAll(async () => {
  dir = tempDir();
  db = path.join(dir, "test.db");
  await loadDemo(db);
});

describe("usage", () => {
  it("prints help for every command, exit 0, on stdout", async () => {
    expect((await cli(["--help"], { cwd: dir })).code).toBe(0);
    for (const name of Object.keys(COMMANDS)) {
      const result = await cli([...name.split(" "), "--help"], { cwd: dir });
      expect(result.code, name).toBe(0);
      expect(result.stdout).toContain(`Usage: pnpm coherence ${name}`);
    }
  });

  it("exits 2 for usage errors: no command, unknown command, unknown option, an option that does not apply", async () => {
    expect((await cli([], { cwd: dir })).code).toBe(2);
    expect((await cli(["frobnicate"], { cwd: dir })).code).toBe(2);
    expect((await cli(["import", "--bogus"], { cwd: dir })).code).toBe(2);
    const wrong = await cli(["migrate", "--partial"], { cwd: dir });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/--partial does not apply/);
    expect((await c(["import", "nonsense", "x.csv"])).code).toBe(2);
    expect(
      (
        await c([
          "report",
          "gaps",
          "--operation",
          "MINUSCA",
          "--period",
          "fiscal",
          "--year",
          "2024",
        ])
      ).code,
    ).toBe(2);
    expect((await c(["report", "gaps", "--operation", "MINUSCA", "--year", "24"])).code).toBe(2);
  });

  it("accepts --db in any position", async () => {
    const a = await cli(["--db", db, "migrate"], { cwd: dir });
    const b = await cli(["migrate", "--db", db], { cwd: dir });
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(a.stdout).toBe("the schema is up to date\n");
  });
});

describe("import", () => {
  it("refuses a bad file with exit 1, problems on stderr with line and column, nothing written", async () => {
    const file = path.join(dir, "bad.csv");
    writeFileSync(
      file,
      readFileSync(path.join(DEMO_DIR, "flows.csv"), "utf8")
        .replace("DEMO-WFP-USA-2025,USA,WFP,MINUSCA", "NEW-1,USA,WFP,NOPE")
        .replace("13000000000,JPY", "13000000000,XXX"),
    );
    const before = readFileSync(db).length;
    const result = await c(["import", "flows", "bad.csv"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^bad\.csv:\d+: column "operation": value "NOPE": unknown operation NOPE$/m,
    );
    expect(result.stderr).toMatch(/^bad\.csv:\d+: column "currency": value "XXX": /m);
    expect(result.stdout).toMatch(/refused: nothing written/);
    expect(readFileSync(db).length).toBe(before);
  });

  it("takes the good rows with --partial and writes the rejects file", async () => {
    const result = await c([
      "import",
      "flows",
      "bad.csv",
      "--partial",
      "--rejects",
      "bad.rejects.csv",
    ]);
    expect(result.code).toBe(0);
    const rejects = readFileSync(path.join(dir, "bad.rejects.csv"), "utf8");
    expect(rejects.trim().split("\n")).toHaveLength(3);
    expect(rejects).toMatch(/NEW-1,.*,operation,operation: unknown operation NOPE/);
  });

  it("says N unchanged on a second import, and --dry-run writes nothing", async () => {
    const again = await c(["import", "organizations", path.join(DEMO_DIR, "organizations.csv")]);
    expect(again.stdout).toMatch(
      /18 read, 0 created, 0 updated, 18 unchanged, 0 rejected \(import #\d+\)/,
    );
    const dry = await c([
      "import",
      "rates",
      path.join(DEMO_DIR, "rates.csv"),
      "--dry-run",
      "--json",
    ]);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({
      dryRun: true,
      committed: false,
      importId: null,
    });
  });
});

describe("reports, exports, assessments", () => {
  it("report gaps --json: one row per ranked task, even at zero, plus Not specified; USD decimal strings", async () => {
    const result = await c([
      "report",
      "gaps",
      "--operation",
      "MINUSCA",
      "--period",
      "peacekeeping",
      "--year",
      "2024",
      "--json",
    ]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as {
      operation: string;
      period: unknown;
      tasks: Record<string, unknown>[];
      alignment: unknown;
    };
    expect(json.operation).toBe("MINUSCA");
    expect(json.period).toMatchObject({
      kind: "peacekeeping",
      start: "2024-07-01",
      end: "2025-06-30",
    });
    expect(json.tasks.map((t) => t.task_code)).toEqual([
      "CIV-PROTECT",
      "STATE-AUTH",
      "PEACE-PROC",
      "HUMANITARIAN",
      "UN-PROTECT",
      null,
    ]);
    for (const t of json.tasks) {
      for (const k of ["requirement", "pledged", "committed", "paid", "funded", "gap", "surplus"])
        expect(t[k]).toMatch(/^\d+\.\d{2}$/);
      expect(t.coverage === null || /^\d+\.\d+$/.test(t.coverage as string)).toBe(true);
    }
    const custom = await c([
      "report",
      "gaps",
      "--operation",
      "UNIFIL",
      "--period",
      "custom",
      "--from",
      "2025-01-01",
      "--to",
      "2025-03-31",
      "--json",
    ]);
    expect((JSON.parse(custom.stdout) as { tasks: unknown[] }).tasks).toHaveLength(4);
    const text = await c([
      "report",
      "gaps",
      "--operation",
      "UNMISS",
      "--period",
      "calendar",
      "--year",
      "2025",
    ]);
    expect(text.stdout).toMatch(/CIV-PROTECT/);
    const alignment = await c([
      "report",
      "alignment",
      "--operation",
      "MINUSCA",
      "--period",
      "peacekeeping",
      "--year",
      "2024",
      "--json",
    ]);
    expect((JSON.parse(alignment.stdout) as { score: string }).score).toMatch(/^0\.\d{6}$/);
    expect((await c(["report", "gaps", "--operation", "NOPE", "--year", "2024"])).code).toBe(1);
  });

  it("exports a table and the export imports back unchanged; XLSX too; the gaps report as CSV", async () => {
    expect((await c(["export", "flows", "--out", "flows-export.csv"])).code).toBe(0);
    const back = await c(["import", "flows", "flows-export.csv"]);
    expect(back.stdout).toMatch(/ 0 created, 0 updated, \d+ unchanged/);
    expect((await c(["export", "mandates", "--format", "xlsx", "--out", "m.xlsx"])).code).toBe(0);
    expect((await c(["import", "mandates", "m.xlsx"])).stdout).toMatch(
      /27 read, 0 created, 0 updated, \d+ unchanged/,
    );
    const gaps = await c([
      "export",
      "gaps",
      "--operation",
      "MINUSCA",
      "--period",
      "peacekeeping",
      "--year",
      "2024",
    ]);
    expect(gaps.stdout.split("\n")[0]).toMatch(
      /operation,period_kind,period_start,period_end,task_code/,
    );
    const rates = await c(["export", "rates"]);
    expect(rates.stdout).toMatch(
      /^\uFEFFcurrency,units_per_usd,effective_date\nCNY,6.9,2023-01-01\n/,
    );
  });

  it("assesses an appropriation by a scale, summing exactly, idempotently; and undoes it", async () => {
    const first = await c([
      "assess",
      "--operation",
      "UNIFIL",
      "--year",
      "2024",
      "--scale",
      "peacekeeping-2024",
      "--json",
    ]);
    expect(first.code, first.stderr).toBe(0);
    const result = JSON.parse(first.stdout) as {
      appropriationCents: number;
      assessments: { amountCents: number }[];
      import: { importId: number };
    };
    expect(result.appropriationCents).toBe(582_630_000_00);
    expect(result.assessments.reduce((s, a) => s + a.amountCents, 0)).toBe(582_630_000_00);
    const again = await c([
      "assess",
      "--operation",
      "UNIFIL",
      "--year",
      "2024",
      "--scale",
      "peacekeeping-2024",
    ]);
    expect(again.stdout).toMatch(/nothing to change/);
    const undo = await c(["undo-import", String(result.import.importId)]);
    expect(undo.stdout).toMatch(/undone: 9 deleted, 0 restored/);
    expect((await c(["undo-import", String(result.import.importId)])).code).toBe(1);
  });

  it("refuses to undo an import whose records changed since (exit 1, lists them)", async () => {
    const file = path.join(dir, "one.csv");
    const header = readFileSync(path.join(DEMO_DIR, "flows.csv"), "utf8").split("\n")[0]!;
    writeFileSync(
      file,
      `${header}\nU-1,NOR,UNICEF,MINUSCA,CIV-PROTECT,voluntary_earmarked,pledged,100.00,USD,2025-01-10,,,,,\n`,
    );
    const first = await c(["import", "flows", "one.csv", "--json"]);
    const id = (JSON.parse(first.stdout) as { importId: number }).importId;
    writeFileSync(
      file,
      `${header}\nU-1,NOR,UNICEF,MINUSCA,CIV-PROTECT,voluntary_earmarked,paid,100.00,USD,2025-03-10,,,,,\n`,
    );
    expect((await c(["import", "flows", "one.csv"])).code).toBe(0);
    const undo = await c(["undo-import", String(id)]);
    expect(undo.code).toBe(1);
    expect(undo.stderr).toMatch(/flows \d+: changed since the import by cli:/);
  });
});

describe("users, backups", () => {
  it("adds a user with the password from stdin and an assignment", async () => {
    const result = await c(
      [
        "users",
        "add",
        "--username",
        "ana",
        "--role",
        "finance_officer",
        "--display-name",
        "Ana Lima",
        "--operation",
        "MINUSCA",
      ],
      "a long password\n",
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/user ana added .*assigned to MINUSCA/);
    expect(
      (
        await c(
          ["users", "add", "--username", "bob", "--role", "reviewer", "--display-name", "Bob"],
          "short\n",
        )
      ).code,
    ).toBe(1);
    expect(
      (
        await c(
          ["users", "add", "--username", "bob", "--role", "king", "--display-name", "Bob"],
          "a long password\n",
        )
      ).code,
    ).toBe(2);
  });

  it("backs up SQLite online and restores into an empty database only", async () => {
    expect((await c(["backup", "copy.db"])).code).toBe(0);
    const target = path.join(dir, "restored.db");
    const restored = await cli(["restore", "copy.db", "--db", target], { cwd: dir });
    expect(restored.code, restored.stderr).toBe(0);
    const a = await c(["export", "flows"]);
    const b = await cli(["export", "flows", "--db", target], { cwd: dir });
    expect(b.stdout).toBe(a.stdout);
    const again = await cli(["restore", "copy.db", "--db", target], { cwd: dir });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/not empty/);
  });

  it("dumps to JSON lines and restores into an empty PostgreSQL database, the same records", async () => {
    expect((await c(["backup", "dump.jsonl"])).code).toBe(0);
    const pg = await freshDatabase("postgres", inject("pgUrl"));
    try {
      const restored = await cli(["restore", "dump.jsonl", "--db", pg.location], { cwd: dir });
      expect(restored.code, restored.stderr).toBe(0);
      for (const kind of [
        "flows",
        "mandates",
        "requirements",
        "organizations",
        "scales",
        "crosswalk",
        "rates",
      ]) {
        const a = await c(["export", kind]);
        const b = await cli(["export", kind, "--db", pg.location], { cwd: dir });
        expect(b.stdout, kind).toBe(a.stdout);
      }
      // The restored database keeps working: a new import gets a fresh id.
      const more = await cli(
        ["import", "organizations", path.join(DEMO_DIR, "organizations.csv"), "--db", pg.location],
        { cwd: dir },
      );
      expect(more.code, more.stderr).toBe(0);
      const gaps = await cli(
        [
          "report",
          "gaps",
          "--operation",
          "MINUSCA",
          "--year",
          "2024",
          "--json",
          "--db",
          pg.location,
        ],
        { cwd: dir },
      );
      expect(JSON.parse(gaps.stdout)).toEqual(
        JSON.parse(
          (await c(["report", "gaps", "--operation", "MINUSCA", "--year", "2024", "--json"]))
            .stdout,
        ),
      );
    } finally {
      await pg.close();
    }
  });
});

describe("the real command", () => {
  it("runs as `pnpm coherence` from the repository root, resolving paths against the caller's directory", () => {
    const work = tempDir();
    copyFileSync(path.join(DEMO_DIR, "organizations.csv"), path.join(work, "orgs.csv"));
    const target = path.join(work, "spawned.db");
    const result = spawnSync(
      "pnpm",
      [
        "--dir",
        REPO,
        "coherence",
        "import",
        "organizations",
        "orgs.csv",
        "--db",
        "spawned.db",
        "--json",
      ],
      {
        cwd: work,
        encoding: "utf8",
        env: { ...process.env, INIT_CWD: work },
      },
    );
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ committed: true, counts: { created: 18 } });
    expect(existsSync(target)).toBe(true);
    const help = execFileSync("pnpm", ["--dir", REPO, "coherence", "report", "gaps", "--help"], {
      cwd: work,
      encoding: "utf8",
    });
    expect(help).toMatch(/^Usage: pnpm coherence report gaps/);
  });
});
