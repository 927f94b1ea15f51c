// Imports committed as background jobs, so that the web wizard can show real progress while a
// large file is written. A job lives in this server process: its import runs in one database
// transaction, so a job that fails (or a process that stops) leaves nothing half-written, and a
// finished job is kept a while for its owner to read its outcome, then forgotten.
import { randomBytes } from "node:crypto";
import type { ImportProgress } from "@coherence/imports";
import type { MessageCode } from "./messages";

export type JobState = "running" | "done" | "failed";

/** Who may read a job: the user who started it. */
export interface JobOwner {
  userId: number | null;
}

export interface JobFailure {
  /** The tRPC error code (BAD_REQUEST, CONFLICT, INTERNAL_SERVER_ERROR, ...). */
  code: string;
  /** In English; `messageCode` words it in the client's language. */
  message: string;
  messageCode: MessageCode | null;
}

export interface Job<T> {
  id: string;
  owner: JobOwner;
  state: JobState;
  progress: ImportProgress | null;
  result: T | null;
  error: JobFailure | null;
  startedAt: number;
  finishedAt: number | null;
}

export interface JobRegistryOptions {
  /** How long a finished job is kept for its owner to read (default 15 minutes). */
  keepMs?: number;
  /** Most finished jobs kept at once; the oldest go first (default 200). */
  maxFinished?: number;
  now?: () => number;
}

export class JobRegistry<T> {
  private readonly jobs = new Map<string, Job<T>>();
  private readonly keepMs: number;
  private readonly maxFinished: number;
  private readonly now: () => number;

  constructor(options: JobRegistryOptions = {}) {
    this.keepMs = options.keepMs ?? 15 * 60_000;
    this.maxFinished = options.maxFinished ?? 200;
    this.now = options.now ?? Date.now;
  }

  /** The job of this user still running, if any. */
  runningFor(userId: number | null): Job<T> | undefined {
    for (const job of this.jobs.values())
      if (job.state === "running" && job.owner.userId === userId) return job;
    return undefined;
  }

  /**
   * Start `run` in the background and return the job at once. Whatever `run` does — resolve,
   * throw, reject — the job ends "done" or "failed": it never stays running on an error.
   * `fail` turns an error into what the owner is told.
   */
  start(
    owner: JobOwner,
    run: (report: (progress: ImportProgress) => void) => Promise<T>,
    fail: (error: unknown) => JobFailure,
  ): Job<T> {
    this.sweep();
    const job: Job<T> = {
      id: randomBytes(16).toString("hex"),
      owner,
      state: "running",
      progress: null,
      result: null,
      error: null,
      startedAt: this.now(),
      finishedAt: null,
    };
    this.jobs.set(job.id, job);
    const report = (progress: ImportProgress) => {
      job.progress = progress;
    };
    // Started on the next turn so that the caller has the job's id before any work is done.
    void Promise.resolve()
      .then(() => run(report))
      .then(
        (result) => {
          job.result = result;
          job.state = "done";
        },
        (error: unknown) => {
          job.error = fail(error);
          job.state = "failed";
        },
      )
      .finally(() => {
        job.finishedAt = this.now();
      });
    return job;
  }

  get(id: string): Job<T> | undefined {
    this.sweep();
    return this.jobs.get(id);
  }

  /** Forget finished jobs past their keep time, and the oldest beyond the cap. */
  private sweep(): void {
    const now = this.now();
    const finished = [...this.jobs.values()].filter((j) => j.finishedAt !== null);
    for (const job of finished) if (now - job.finishedAt! > this.keepMs) this.jobs.delete(job.id);
    const kept = finished.filter((j) => this.jobs.has(j.id));
    kept.sort((a, b) => a.finishedAt! - b.finishedAt!);
    for (const job of kept.slice(0, Math.max(0, kept.length - this.maxFinished)))
      this.jobs.delete(job.id);
  }
}

/**
 * A job's progress as a share of its work, 0–100: validating counts for half of each row and
 * writing for the other half; null while the number of rows is not known yet.
 * @example progressPercent({ rowsValidated: 100, rowsDone: 50, rowsTotal: 100, ... }) // → 75
 */
export function progressPercent(progress: ImportProgress | null, state: JobState): number | null {
  if (state === "done") return 100;
  if (state === "failed") return null;
  if (!progress || progress.rowsTotal === null) return null;
  if (progress.rowsTotal === 0) return progress.phase === "done" ? 100 : 0;
  const work =
    Math.min(progress.rowsValidated, progress.rowsTotal) +
    Math.min(progress.rowsDone, progress.rowsTotal);
  // 100 only once the job is done: the commit itself comes after the last row.
  return Math.min(99, Math.floor((work * 100) / (2 * progress.rowsTotal)));
}
