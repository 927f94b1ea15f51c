// `streamCanonicalCsv` on a worker thread: the importing thread reads the source and writes the
// batches to the database while the worker tokenises and validates the next ones, so a large
// import uses both cores. Same batches, same problems, same order as `streamCanonicalCsv`.
import { Worker } from "node:worker_threads";
import { chunksOf } from "../bytes";
import type { ByteSource } from "../bytes";
import type { CanonicalKind, CanonicalRecords } from "../records";
import type { ReadOptions } from "./parse-csv";
import type { FromParseWorker, ParseWorkerStart, ToParseWorker } from "./parse-worker-protocol";
import type { ParseBatch } from "./reader";

/** Bytes sent to the worker and not yet parsed: the reading pauses above this. */
const BYTES_AHEAD = 4 * 1024 * 1024;
/** Batches parsed ahead of the writer: enough to keep both threads busy, memory flat. */
const BATCHES_AHEAD = 2;

/** What the worker has said so far; every change wakes whoever waits for one. */
class WorkerState<R> {
  readonly batches: ParseBatch<R>[] = [];
  bytesAhead = 0;
  done = false;
  failure: Error | null = null;
  private waiting: (() => void)[] = [];

  /** Settled once something changes. */
  changed(): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
    });
  }

  notify(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const resume of waiting) resume();
  }

  fail(error: unknown): void {
    this.failure ??= error instanceof Error ? error : new Error(String(error));
    this.notify();
  }
}

/** Sends the source's chunks, never more than BYTES_AHEAD unparsed (so memory stays flat). */
async function feed<R>(worker: Worker, source: ByteSource, state: WorkerState<R>): Promise<void> {
  for await (const chunk of chunksOf(source)) {
    while (state.bytesAhead > BYTES_AHEAD && !state.failure && !state.done) await state.changed();
    if (state.failure || state.done) return;
    state.bytesAhead += chunk.length;
    if (typeof chunk === "string") {
      worker.postMessage({ type: "chunk", chunk } satisfies ToParseWorker);
    } else {
      // A copy of the view's bytes only (cloning a view clones its whole buffer, and a slice
      // of a large file is a view of all of it), handed over without a second copy.
      const own = chunk.slice();
      worker.postMessage({ type: "chunk", chunk: own } satisfies ToParseWorker, [own.buffer]);
    }
  }
  worker.postMessage({ type: "end" } satisfies ToParseWorker);
}

/**
 * Streams a canonical CSV source as batches of records parsed on a worker thread.
 * @example
 * for await (const batch of streamCanonicalCsvInWorker("flows", fs.createReadStream(path), { fileName: "flows.csv" })) {
 *   write(batch.records); // the worker parses the next batch meanwhile
 * }
 */
export async function* streamCanonicalCsvInWorker<K extends CanonicalKind>(
  kind: K,
  source: ByteSource,
  options: ReadOptions,
): AsyncGenerator<ParseBatch<CanonicalRecords[K]>> {
  const start: ParseWorkerStart = { kind, options, batchesAhead: BATCHES_AHEAD };
  const worker = new Worker(new URL("./parse-worker-entry.mjs", import.meta.url), {
    workerData: start,
  });
  const state = new WorkerState<CanonicalRecords[K]>();
  worker.on("message", (message: FromParseWorker) => {
    if (message.type === "consumed") state.bytesAhead -= message.bytes;
    else if (message.type === "batch")
      state.batches.push(message.batch as ParseBatch<CanonicalRecords[K]>);
    else if (message.type === "done") state.done = true;
    else {
      const failure = new Error(message.message);
      if (message.stack) failure.stack = message.stack;
      state.fail(failure);
    }
    state.notify();
  });
  worker.on("error", (error) => {
    state.fail(error);
  });
  worker.on("exit", (code) => {
    if (!state.done) state.fail(new Error(`the parse worker stopped (exit code ${code})`));
  });
  const feeding = feed(worker, source, state).catch((error: unknown) => {
    state.fail(error);
  });

  try {
    for (;;) {
      const batch = state.batches.shift();
      if (batch) {
        worker.postMessage({ type: "taken" } satisfies ToParseWorker);
        yield batch;
      } else if (state.failure) throw state.failure;
      else if (state.done) break;
      else await state.changed();
    }
    // The worker was done only after the whole source was sent: feeding has ended without error.
    await feeding;
  } finally {
    await worker.terminate();
  }
}
