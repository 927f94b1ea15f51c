// Entry of the parse worker. Node 20 does not hand the parent's TypeScript loader (tsx) to a
// worker thread, so the worker registers it before loading its TypeScript module.
import { register } from "tsx/esm/api";

register();
await import("./parse-worker.ts");
