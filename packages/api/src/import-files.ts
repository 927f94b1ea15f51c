// The files an import reads: sent with the call (scripts), or uploaded once (`import.upload`)
// and named by their upload's id in `inspect`, `preview`, `commit` and `start` (the web wizard),
// so that a file crosses the network once however many steps read it.
import { z } from "zod";
import type { ImportFile } from "@coherence/interchange";
import { API_MESSAGES, apiMessage } from "./messages";
import { codedError, fieldError } from "./trpc-errors";
import type { Context } from "./trpc";
import { UploadStore, credentialHash, sizeOf } from "./upload-store";
import type { UploadOwner, UploadedFile } from "./upload-store";
import { text } from "./validators";

/** The API's cap: 20 million characters of content (about 15 MB of file as base64). */
export const MAX_BODY = 20_000_000;

export const oneFile = z.object({
  fileName: text(200).trim().min(1),
  encoding: z.enum(["base64", "text"]).default("text"),
  content: z.string().max(MAX_BODY),
});

/** Files sent with a call. */
export const fileList = z.array(oneFile).min(1).max(20);

/** Files uploaded at once: within the API's cap together. */
export const uploadList = fileList.refine(
  (files) => files.reduce((n, f) => n + f.content.length, 0) <= MAX_BODY,
  { error: API_MESSAGES.upload_too_large },
);

/** The id `import.upload` answered with. */
export const uploadId = z.string().regex(/^[0-9a-f]{32}$/);

/** Either files or an upload's id, never both, never neither (reported on `files`). */
export const oneSource = {
  path: ["files"],
  error: API_MESSAGES.files_or_upload,
};
export function hasOneSource(input: { files?: unknown; uploadId?: unknown }): boolean {
  return (input.files === undefined) !== (input.uploadId === undefined);
}

/** A sent file's content: text as it is, base64 as bytes. */
export function decode(file: z.infer<typeof oneFile>): UploadedFile {
  if (file.encoding === "text") return { fileName: file.fileName, data: file.content };
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(file.content.replace(/\s+/g, "")))
    throw fieldError("files", apiMessage("not_base64", { file: file.fileName }));
  return { fileName: file.fileName, data: new Uint8Array(Buffer.from(file.content, "base64")) };
}

/** Uploads kept in this process for the wizard. */
const uploads = new UploadStore();

/** The caller's credential: an upload is tied to the session or token it came with. */
function credentialOf(ctx: Context): string | null {
  return ctx.credential ?? ctx.cookies.current;
}

function ownerOf(ctx: Context): UploadOwner {
  return {
    userId: ctx.principal?.userId ?? null,
    credentialHash: credentialHash(credentialOf(ctx)),
  };
}

/** Keep the sent files for the caller; their upload's id, or TOO_MANY_REQUESTS when full. */
export function keepUpload(ctx: Context, files: z.infer<typeof fileList>) {
  const decoded = files.map(decode);
  const id = uploads.put(ownerOf(ctx), decoded);
  if (id === null) throw codedError("TOO_MANY_REQUESTS", apiMessage("uploads_full"));
  return {
    uploadId: id,
    files: decoded.map((f) => ({ fileName: f.fileName, bytes: sizeOf(f) })),
  };
}

/**
 * The files of a call: those it sent, or those of its upload (only its owner's, NOT_FOUND once
 * expired or for anyone else).
 */
export function filesOf(
  ctx: Context,
  input: { files?: z.infer<typeof fileList>; uploadId?: string },
): ImportFile[] {
  if (input.files) return input.files.map(decode);
  const kept = uploads.get(input.uploadId ?? "", ownerOf(ctx));
  if (!kept) throw codedError("NOT_FOUND", apiMessage("upload_not_found"));
  return kept;
}
