/**
 * Receiving an import file over HTTP, two ways: a multipart form with the file in the field
 * `file` (what the web wizard sends), or the file as the whole body with `Content-Type:
 * text/csv` or the .xlsx type (what `curl --data-binary @file.csv` sends). Either way at most
 * MAX_UPLOAD_BYTES, streamed, never buffered.
 */
import { createWriteStream } from "node:fs";
import { rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { FastifyInstance, FastifyRequest } from "fastify";
import multipart from "@fastify/multipart";
import { AppError } from "../http/errors.js";

export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** Body types taken as a raw file; anything else must be multipart. */
export const RAW_FILE_TYPES = [
  "text/csv",
  "application/csv",
  XLSX_TYPE,
  "application/octet-stream",
];

const tooLarge = () =>
  new AppError(
    "payload_too_large",
    413,
    `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`,
  );

/** Registers both ways of receiving a file on the routes of one plugin. */
export async function acceptUploads(app: FastifyInstance): Promise<void> {
  await app.register(multipart, {
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10, parts: 20 },
    throwFileSizeLimit: true,
  });
  app.addContentTypeParser(RAW_FILE_TYPES, function passThrough(_request, payload, done) {
    done(null, payload);
  });
}

/** Stops a raw body at the size limit. */
function limited(stream: Readable): Readable {
  let total = 0;
  const limiter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      total += chunk.byteLength;
      callback(total > MAX_UPLOAD_BYTES ? tooLarge() : null, chunk);
    },
  });
  stream.on("error", (error) => limiter.destroy(error));
  return stream.pipe(limiter);
}

export interface Upload {
  stream: Readable;
  fileName: string | null;
}

/** The uploaded file as a stream; throws 415 when the request carries none. */
export async function receiveUpload(
  request: FastifyRequest,
  fileName: string | undefined,
): Promise<Upload> {
  if (request.isMultipart()) {
    const part = await request.file();
    if (!part)
      throw new AppError("validation_error", 400, 'Attach the file in the multipart field "file"', {
        field: "file",
      });
    // The client names the file: keep it to the length the record allows.
    return { stream: part.file, fileName: fileName ?? (part.filename.slice(0, 200) || null) };
  }
  if (request.body instanceof Readable)
    return { stream: limited(request.body), fileName: fileName ?? null };
  throw new AppError(
    "unsupported_media_type",
    415,
    'Send the file as multipart/form-data (field "file"), or as the body with Content-Type text/csv or ' +
      XLSX_TYPE,
  );
}

/** Reads what is left of an upload, so the request can finish after an early answer. */
export function drain(upload: Upload): void {
  upload.stream.on("error", () => undefined);
  upload.stream.resume();
}

/**
 * Saves an upload to a temporary file, so the import can run after the response (the web
 * wizard follows it with GET /api/imports/:id). Returns the path and size.
 */
export async function spoolUpload(upload: Upload): Promise<{ path: string; size: number }> {
  const path = join(tmpdir(), `ladder-import-${randomBytes(8).toString("hex")}`);
  try {
    await pipeline(upload.stream, createWriteStream(path, { mode: 0o600 }));
  } catch (error) {
    await rm(path, { force: true });
    if ((error as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE") throw tooLarge();
    throw error;
  }
  return { path, size: (await stat(path)).size };
}
