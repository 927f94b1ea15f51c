// The parse worker: runs `streamCanonicalCsv` on chunks the importing thread sends, and hands
// each batch back, at most `batchesAhead` batches ahead of the thread that writes them (so a
// slow database keeps the worker waiting instead of filling memory).
import { parentPort, workerData } from "node:worker_threads";
import { streamCanonicalCsv } from "./parse-csv";
import type { FromParseWorker, ParseWorkerStart, ToParseWorker } from "./parse-worker-protocol";

const port = parentPort!;
const start = workerData as ParseWorkerStart;
function post(message: FromParseWorker): void {
  port.postMessage(message);
}

const chunks: (Uint8Array | string)[] = [];
let ended = false;
let credits = start.batchesAhead;
let wake: (() => void) | null = null;
function waitForMessage(): Promise<void> {
  return new Promise((resolve) => {
    wake = resolve;
  });
}

port.on("message", (message: ToParseWorker) => {
  if (message.type === "chunk") chunks.push(message.chunk);
  else if (message.type === "end") ended = true;
  else credits++;
  const resume = wake;
  wake = null;
  resume?.();
});

async function* received(): AsyncGenerator<Uint8Array | string> {
  for (;;) {
    const chunk = chunks.shift();
    if (chunk !== undefined) {
      post({ type: "consumed", bytes: chunk.length });
      yield chunk;
    } else if (ended) return;
    else await waitForMessage();
  }
}

try {
  for await (const batch of streamCanonicalCsv(start.kind, received(), start.options)) {
    while (credits === 0) await waitForMessage();
    credits--;
    post({ type: "batch", batch });
  }
  post({ type: "done" });
} catch (error) {
  const e = error instanceof Error ? error : new Error(String(error));
  post({ type: "failed", message: e.message, stack: e.stack });
}
port.close();
