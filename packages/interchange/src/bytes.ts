/**
 * What the readers accept: the whole file (bytes or text), or a stream of chunks (a Node
 * `Readable` is an `AsyncIterable<Buffer>`; a web `ReadableStream` can be adapted likewise).
 */
export type ByteSource =
  Uint8Array | string | AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

/**
 * The source as an async stream of chunks.
 * @example for await (const chunk of chunksOf(fs.createReadStream("flows.csv"))) { ... }
 */
export async function* chunksOf(source: ByteSource): AsyncGenerator<Uint8Array | string> {
  if (typeof source === "string" || source instanceof Uint8Array) {
    yield source;
    return;
  }
  if (Symbol.asyncIterator in source) {
    for await (const chunk of source) yield chunk;
    return;
  }
  for (const chunk of source) yield chunk;
}

import { reason } from "./reasons";
import type { Reason } from "./reasons";

const encoder = new TextEncoder();

/**
 * The whole source as bytes (for formats that cannot be streamed: XLSX, JSON).
 * @example const bytes = await readAllBytes(fs.createReadStream("fts.json"));
 */
export async function readAllBytes(source: ByteSource): Promise<Uint8Array> {
  if (source instanceof Uint8Array) return source;
  if (typeof source === "string") return encoder.encode(source);
  const parts: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of chunksOf(source)) {
    const bytes = typeof chunk === "string" ? encoder.encode(chunk) : chunk;
    parts.push(bytes);
    length += bytes.length;
  }
  if (parts.length === 1) return parts[0]!;
  const all = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    all.set(part, offset);
    offset += part.length;
  }
  return all;
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** True when the bytes start like a ZIP container (XLSX is one). */
export function looksLikeZip(head: Uint8Array): boolean {
  return startsWith(head, [0x50, 0x4b, 0x03, 0x04]);
}

/**
 * Why the first bytes of a file show it is not UTF-8 text, or null when they could be.
 * @example binaryReason(new Uint8Array([0x50, 0x4b, 3, 4])) // → "this is a ZIP/XLSX file, not text"
 */
export function binaryReason(head: Uint8Array): string | null {
  return binaryReasonCoded(head)?.text ?? null;
}

/** {@link binaryReason} as a coded reason. */
export function binaryReasonCoded(head: Uint8Array): Reason | null {
  if (looksLikeZip(head)) return reason("binary_zip");
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0])) return reason("binary_xls");
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46])) return reason("binary_pdf");
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff]))
    return reason("binary_utf16");
  const limit = Math.min(head.length, 8192);
  for (let i = 0; i < limit; i++) if (head[i] === 0) return reason("binary_nul");
  return null;
}
