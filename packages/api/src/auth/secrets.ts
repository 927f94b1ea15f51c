import { createHash, randomBytes } from "node:crypto";

/** A new random secret (session id or API token), URL-safe. */
export function newSecret(prefix = ""): string {
  return prefix + randomBytes(32).toString("base64url");
}

/** What the database keeps of a secret: its SHA-256, so a leaked table holds no credential. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
