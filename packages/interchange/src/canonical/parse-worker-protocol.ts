// The messages between `streamCanonicalCsvInWorker` (the importing thread) and the parse worker.
import type { CanonicalKind } from "../records";
import type { ParseBatch } from "./reader";
import type { ReadOptions } from "./parse-csv";

/** What the worker is started with (its `workerData`). */
export interface ParseWorkerStart {
  kind: CanonicalKind;
  options: ReadOptions;
  /** Batches the worker may hand over before the importing thread has taken one. */
  batchesAhead: number;
}

/** Importing thread → worker. */
export type ToParseWorker =
  | { type: "chunk"; chunk: Uint8Array | string }
  | { type: "end" }
  /** The importing thread took a batch: the worker may parse one more ahead. */
  | { type: "taken" };

/** Worker → importing thread. */
export type FromParseWorker =
  /** The parser took a chunk of this many bytes: the importing thread may read more. */
  | { type: "consumed"; bytes: number }
  | { type: "batch"; batch: ParseBatch<unknown> }
  | { type: "done" }
  /** A programmer error in the worker (bad input never throws: it is a batch's problem). */
  | { type: "failed"; message: string; stack: string | undefined };
