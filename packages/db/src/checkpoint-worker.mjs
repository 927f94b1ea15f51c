// The background checkpointer of a server's SQLite database (see `connect`'s
// backgroundCheckpoints): copies committed WAL frames into the database file on its own thread
// and connection, so that neither a large import's commit nor any request waits for that copy.
// Plain JavaScript: it needs nothing but better-sqlite3, and Node 20 gives a worker no tsx.
import { statSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import SQLite from "better-sqlite3";

const { file, intervalMs } = workerData;
const wal = `${file}-wal`;
const db = new SQLite(file, { fileMustExist: true });
// Never wait for a lock: a turn that finds the database busy skips, the next one tries again.
db.pragma("busy_timeout = 0");

/**
 * Whether a write transaction is open on another connection. A checkpoint beside a long import's
 * transaction copies nothing it could not copy after the commit, but syncing the log the import
 * is writing slowed it (500,000 flows: 9.6–10.8 s of main-thread CPU against 8.5 s with no
 * checkpoint turns): wait for the commit.
 */
function writerBusy() {
  try {
    db.exec("begin immediate");
  } catch {
    return true;
  }
  db.exec("rollback");
  return false;
}

/** The WAL's size and change time when it was last checkpointed whole: nothing new since. */
let settled = "";

function walStamp() {
  try {
    const stat = statSync(wal);
    return `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return "";
  }
}

function checkpoint() {
  const stamp = walStamp();
  if (stamp === "" || stamp === settled || writerBusy()) return;
  // PASSIVE never waits for readers or the writer: what it cannot copy now, a later turn does.
  const [result] = db.pragma("wal_checkpoint(PASSIVE)");
  if (result.busy === 0 && result.log === result.checkpointed) settled = walStamp();
  parentPort.postMessage({ type: "checkpointed", frames: result.checkpointed });
}

const timer = setInterval(() => {
  try {
    checkpoint();
  } catch (error) {
    // A busy database or a file being replaced (restore): the next turn tries again.
    parentPort.postMessage({ type: "skipped", message: String(error) });
  }
}, intervalMs);

parentPort.on("message", (message) => {
  if (message !== "stop") return;
  clearInterval(timer);
  db.close();
  parentPort.postMessage({ type: "stopped" });
  parentPort.close();
});
