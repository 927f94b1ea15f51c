// The job registry behind import.start / import.progress, with a controllable clock and runs.
import { describe, expect, it } from "vitest";
import type { ImportProgress } from "@coherence/imports";
import { JobRegistry, progressPercent } from "../src/import-jobs";

const owner = { userId: 7 };
const fail = (error: unknown) => ({ code: "X", message: String(error), messageCode: null });
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));
const progress = (over: Partial<ImportProgress>): ImportProgress => ({
  phase: "writing",
  rowsDone: 0,
  rowsValidated: 0,
  rowsTotal: 10,
  bytesDone: 0,
  bytesTotal: null,
  ...over,
});

describe("JobRegistry", () => {
  it("runs in the background, reports progress, and keeps the result", async () => {
    const jobs = new JobRegistry<string>();
    let finish!: (v: string) => void;
    const job = jobs.start(
      owner,
      (report) => {
        report(progress({ rowsValidated: 4, rowsDone: 2 }));
        return new Promise<string>((resolve) => (finish = resolve));
      },
      fail,
    );
    expect(job.state).toBe("running");
    await settled();
    expect(jobs.get(job.id)?.progress).toMatchObject({ rowsValidated: 4, rowsDone: 2 });
    expect(jobs.runningFor(7)?.id).toBe(job.id);
    finish("outcome");
    await settled();
    expect(jobs.get(job.id)).toMatchObject({ state: "done", result: "outcome", error: null });
    expect(jobs.get(job.id)?.finishedAt).not.toBeNull();
    expect(jobs.runningFor(7)).toBeUndefined();
  });

  it("ends failed, never running, when the run throws or rejects", async () => {
    const jobs = new JobRegistry<string>();
    const thrown = jobs.start(
      owner,
      () => {
        throw new Error("boom");
      },
      fail,
    );
    const rejected = jobs.start(owner, () => Promise.reject(new Error("later")), fail);
    await settled();
    expect(jobs.get(thrown.id)).toMatchObject({
      state: "failed",
      error: { code: "X", message: "Error: boom" },
    });
    expect(jobs.get(rejected.id)).toMatchObject({ state: "failed" });
    expect(jobs.runningFor(7)).toBeUndefined();
  });

  it("forgets finished jobs after their keep time, and the oldest beyond the cap", async () => {
    let now = 0;
    const jobs = new JobRegistry<number>({ keepMs: 1000, maxFinished: 2, now: () => now });
    const ids = [1, 2, 3].map((n) => jobs.start(owner, () => Promise.resolve(n), fail).id);
    await settled();
    now = 10;
    expect(jobs.get(ids[0]!)).toBeUndefined(); // beyond the cap of 2
    expect(jobs.get(ids[2]!)?.result).toBe(3);
    now = 2000;
    expect(jobs.get(ids[2]!)).toBeUndefined();
  });
});

describe("progressPercent", () => {
  it("counts validating and writing as halves of each row, 100 only when done", () => {
    expect(progressPercent(progress({ rowsValidated: 10, rowsDone: 5 }), "running")).toBe(75);
    expect(progressPercent(progress({ rowsValidated: 10, rowsDone: 10 }), "running")).toBe(99);
    expect(progressPercent(progress({ rowsTotal: null }), "running")).toBeNull();
    expect(progressPercent(null, "running")).toBeNull();
    expect(progressPercent(progress({}), "done")).toBe(100);
    expect(progressPercent(progress({}), "failed")).toBeNull();
  });
});
