import type { Server } from "node:http";
import { seedDemoUsers } from "@coherence/api";
import { connect, migrateToLatest } from "@coherence/db";
import { loadDemoDatasetIfEmpty } from "@coherence/imports";
import type { Connection } from "@coherence/db";
import type { ServerSettings } from "./env";
import { createHttpServer } from "./http";

export interface RunningServer {
  url: string;
  connection: Connection;
  server: Server;
  stop(): Promise<void>;
}

type Log = (message: string) => void;

/** Migrate, load the demo dataset (through the importers) into an empty database, and listen. */
export async function startServer(
  settings: ServerSettings,
  webRoot: string | null,
  log: Log = (message) => {
    console.log(message);
  },
): Promise<RunningServer> {
  // On SQLite: a second, read-only connection (reads answer while an import writes), and the
  // write-ahead log copied into the file by a background thread (no stall after a large commit).
  const connection = connect(settings.database, {
    readConnection: true,
    backgroundCheckpoints: true,
  });
  const applied = await migrateToLatest(connection.db);
  if (applied.length > 0) log(`Migrated ${connection.location}: ${applied.join(", ")}`);
  if (settings.seedDemo && (await loadDemoDatasetIfEmpty(connection.db, "system:demo"))) {
    await seedDemoUsers(connection.db);
    log(`Loaded the demo dataset into ${connection.location} (demo accounts: see README)`);
  }
  const server = createHttpServer({
    db: connection.db,
    readDb: connection.readDb,
    engine: connection.engine,
    secureCookies: settings.secureCookies,
    webRoot,
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(settings.port, settings.host, resolve);
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : settings.port;
  const host =
    settings.host === "127.0.0.1" || settings.host === "0.0.0.0" ? "localhost" : settings.host;
  return {
    url: `http://${host}:${port}`,
    connection,
    server,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      );
      await connection.close(); // both connections
    },
  };
}
