// Files uploaded once for the import wizard, kept in this server process for their owner while
// they inspect, preview and import them (each step names the upload by its id instead of sending
// the file again). Bounded: an upload is forgotten after a while unused, a user keeps a few at
// most (a new one pushes out their oldest), and the whole store has a size cap — beyond it a new
// upload is refused rather than someone else's being dropped.
import { createHash, randomBytes } from "node:crypto";

/** One uploaded file: its name and its content (text, or the bytes of a binary file). */
export interface UploadedFile {
  fileName: string;
  data: string | Uint8Array;
}

/** The hash an upload keeps of its owner's credential (the credential itself is never kept). */
export function credentialHash(credential: string | null | undefined): string | null {
  return credential ? createHash("sha256").update(credential).digest("hex") : null;
}

/** Who may use an upload: the user who sent it (by their id, or else their credential). */
export interface UploadOwner {
  userId: number | null;
  /** sha256 of the session or token, for a caller without a user id. */
  credentialHash: string | null;
}

interface Upload {
  id: string;
  owner: UploadOwner;
  files: UploadedFile[];
  bytes: number;
  lastUsed: number;
}

export interface UploadStoreOptions {
  /** How long an upload is kept after its last use (default 30 minutes). */
  idleMs?: number;
  /** Bytes kept at most over all uploads (default 200 MB). */
  maxBytes?: number;
  /** Uploads one owner keeps at most; a new one pushes out their oldest (default 3). */
  perOwner?: number;
  now?: () => number;
}

/** The bytes a file takes in memory. */
export function sizeOf(file: UploadedFile): number {
  return typeof file.data === "string" ? Buffer.byteLength(file.data) : file.data.byteLength;
}

function sameOwner(a: UploadOwner, b: UploadOwner): boolean {
  return a.userId !== null
    ? a.userId === b.userId
    : a.credentialHash !== null && a.credentialHash === b.credentialHash;
}

export class UploadStore {
  private readonly uploads = new Map<string, Upload>();
  private readonly idleMs: number;
  private readonly maxBytes: number;
  private readonly perOwner: number;
  private readonly now: () => number;

  constructor(options: UploadStoreOptions = {}) {
    this.idleMs = options.idleMs ?? 30 * 60_000;
    this.maxBytes = options.maxBytes ?? 200_000_000;
    this.perOwner = options.perOwner ?? 3;
    this.now = options.now ?? Date.now;
  }

  /** Bytes held now (after forgetting what expired). */
  get bytes(): number {
    this.sweep();
    let total = 0;
    for (const upload of this.uploads.values()) total += upload.bytes;
    return total;
  }

  /**
   * Keep `files` for `owner`; returns the upload's id, or null when the store is full.
   * @example const id = store.put({ userId: 3, credentialHash: null }, [{ fileName: "a.csv", data: "x" }]);
   */
  put(owner: UploadOwner, files: UploadedFile[]): string | null {
    this.sweep();
    const bytes = files.reduce((n, f) => n + sizeOf(f), 0);
    const mine = [...this.uploads.values()]
      .filter((u) => sameOwner(u.owner, owner))
      .sort((a, b) => a.lastUsed - b.lastUsed);
    for (const old of mine.slice(0, Math.max(0, mine.length - this.perOwner + 1)))
      this.uploads.delete(old.id);
    if (this.bytes + bytes > this.maxBytes) return null;
    const id = randomBytes(16).toString("hex");
    this.uploads.set(id, { id, owner, files, bytes, lastUsed: this.now() });
    return id;
  }

  /** The files of upload `id` if `owner` sent it and it has not expired; using it keeps it longer. */
  get(id: string, owner: UploadOwner): UploadedFile[] | undefined {
    this.sweep();
    const upload = this.uploads.get(id);
    if (!upload || !sameOwner(upload.owner, owner)) return undefined;
    upload.lastUsed = this.now();
    return upload.files;
  }

  private sweep(): void {
    const now = this.now();
    for (const upload of [...this.uploads.values()])
      if (now - upload.lastUsed > this.idleMs) this.uploads.delete(upload.id);
  }
}
