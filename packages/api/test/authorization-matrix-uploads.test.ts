// An uploaded file is its owner's: the steps that read it by its id (inspect, preview, import)
// answer its owner and nobody else — other writers are told it does not exist, reviewers and
// anonymous callers are refused before that. Both engines.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ENGINES } from "@coherence/db/testing";
import { CALLERS, createFixture } from "./support";
import type { CallerKind, Fixture } from "./support";

type Outcome = "ok" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND";

/** Each caller using the finance officer's upload. */
const USING_THEIR_UPLOAD: Record<CallerKind, Outcome> = {
  anonymous: "UNAUTHORIZED",
  reviewer: "FORBIDDEN",
  financeOther: "NOT_FOUND",
  financeOwn: "ok",
  admin: "NOT_FOUND",
};

const csv = (n: number) =>
  "external_ref,source,recipient,operation,task_code,funding_type,status,amount,currency,date,period_start,period_end,earmarking,category,notes\n" +
  `UPLOAD-MATRIX-${n},NOR,UNICEF,MINUSCA,CIV-PROTECT,voluntary_earmarked,pledged,10.00,USD,2025-03-01,,,,,\n`;

describe.each(ENGINES)("uploads are their owner's, on %s", (engine) => {
  let fx: Fixture;
  let n = 0;
  beforeAll(async () => {
    fx = await createFixture(engine, inject("pgUrl"));
  });
  afterAll(async () => {
    await fx.close();
  });

  async function ownUpload(): Promise<string> {
    n += 1;
    const { uploadId } = await fx.caller("financeOwn").import.upload({
      files: [{ fileName: `u-${n}.csv`, encoding: "text", content: csv(n) }],
    });
    return uploadId;
  }

  const steps = {
    inspect: (kind: CallerKind, uploadId: string) =>
      fx.caller(kind).import.inspect({ kind: "flows", uploadId }),
    preview: (kind: CallerKind, uploadId: string) =>
      fx.caller(kind).import.preview({ kind: "flows", uploadId }),
    /** Started, then waited for: nothing runs on once the database is closed. */
    start: async (kind: CallerKind, uploadId: string) => {
      const caller = fx.caller(kind);
      const { jobId } = await caller.import.start({ kind: "flows", uploadId });
      while ((await caller.import.progress({ jobId })).state === "running")
        await new Promise((resolve) => setTimeout(resolve, 25));
      return jobId;
    },
  };

  for (const [step, call] of Object.entries(steps))
    it.each(CALLERS)(`import.${step} of another's upload as %s`, async (kind) => {
      const uploadId = await ownUpload();
      const expected = USING_THEIR_UPLOAD[kind];
      if (expected === "ok") await expect(call(kind, uploadId)).resolves.toBeTruthy();
      else await expect(call(kind, uploadId)).rejects.toMatchObject({ code: expected });
    });
});
