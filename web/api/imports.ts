/**
 * Bulk import (SPEC §13): a dry run answers with a preview and the bad rows by line; the real
 * run answers at once with the import's id, and `GET /api/imports/:id` follows its progress.
 * Files travel as multipart form data, which the JSON client does not send: uploads go through
 * XMLHttpRequest here, which also reports how much of a large file has been sent.
 */
import { ApiError } from "./client.js";
import { api } from "./client.js";

/** Mirrors the server's import schema (the web app may not import server code). */
export const IMPORT_KINDS = ["customers", "contacts", "transactions"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ImportRowError {
  /** Line of the file (CSV) or row of the sheet (xlsx), counting the header as 1. */
  line: number;
  field?: string;
  column?: string;
  message: string;
}

export interface ImportPreview {
  kind: ImportKind;
  valid: boolean;
  rowCount: number;
  errorCount: number;
  errors: ImportRowError[];
  sample: Record<string, unknown>[];
  columns: { header: string; field: string }[];
  ignoredColumns: string[];
}

export type ImportStatus = "running" | "publishing" | "succeeded" | "failed";

export interface ImportProgress {
  phase: "reading" | "publishing" | "summarising" | "done";
  rowsRead: number;
  rowsPublished: number;
  totalRows: number | null;
  bytesRead: number;
  totalBytes: number | null;
}

export interface ImportRecord {
  id: number;
  kind: ImportKind;
  fileName: string | null;
  status: ImportStatus;
  rowCount: number;
  error: ImportRowError | null;
  startedAt: string;
  finishedAt: string | null;
  progress: ImportProgress | null;
  replayed?: boolean;
}

export const importKeys = {
  all: ["imports"] as const,
  recent: ["imports", "recent"] as const,
  one: (id: number) => ["imports", id] as const,
};

export interface UploadOptions {
  kind: ImportKind;
  file: Blob;
  fileName: string;
  dryRun: boolean;
  csrfToken: string | null;
  /** Sent with a real run so that a retried upload does not import twice. */
  idempotencyKey?: string;
  /** Share of the file sent so far, 0–1. */
  onUploadProgress?: (share: number) => void;
  signal?: AbortSignal;
}

function toApiError(status: number, body: string): ApiError {
  try {
    const parsed = JSON.parse(body) as {
      error?: { id?: string; message?: string; field?: string };
    };
    if (parsed.error?.id) {
      return new ApiError(
        status,
        parsed.error.id,
        parsed.error.message ?? parsed.error.id,
        parsed.error.field,
      );
    }
  } catch {
    // Not the JSON error envelope; fall through.
  }
  return new ApiError(
    status,
    status >= 500 ? "internal_error" : "unexpected_response",
    `HTTP ${status}`,
  );
}

/** Sends the file; resolves with the preview (dry run) or the started import. */
export function uploadImport(options: UploadOptions & { dryRun: true }): Promise<ImportPreview>;
export function uploadImport(options: UploadOptions & { dryRun: false }): Promise<ImportRecord>;
export function uploadImport(options: UploadOptions): Promise<ImportPreview | ImportRecord> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const params = new URLSearchParams({ fileName: options.fileName });
    if (options.dryRun) params.set("dryRun", "true");
    xhr.open("POST", `/api/imports/${options.kind}?${params.toString()}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader("accept", "application/json");
    if (options.csrfToken) xhr.setRequestHeader("x-csrf-token", options.csrfToken);
    if (options.idempotencyKey) xhr.setRequestHeader("idempotency-key", options.idempotencyKey);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onUploadProgress?.(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as ImportPreview | ImportRecord);
        } catch {
          reject(
            new ApiError(xhr.status, "unexpected_response", "The server did not answer JSON."),
          );
        }
      } else {
        reject(toApiError(xhr.status, xhr.responseText));
      }
    };
    xhr.onerror = () =>
      reject(new ApiError(0, "network_error", "The upload did not reach the server."));
    xhr.onabort = () => reject(new DOMException("The upload was cancelled", "AbortError"));
    options.signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    const form = new FormData();
    form.append("file", options.file, options.fileName);
    xhr.send(form);
  });
}

export function getImport(id: number, signal?: AbortSignal): Promise<ImportRecord> {
  return api.get<ImportRecord>(`/api/imports/${id}`, undefined, signal);
}

export async function listImports(signal?: AbortSignal): Promise<ImportRecord[]> {
  const list = await api.get<{ items: ImportRecord[] }>("/api/imports", { limit: 10 }, signal);
  return list.items;
}

export type ExportFormat = "csv" | "xlsx";

/**
 * The address of a customers export with the list's filters: a plain GET with the session
 * cookie, so the browser downloads the file itself (streamed, never held in memory here).
 */
export function customersExportUrl(
  filters: Record<string, string | number | readonly (string | number)[] | undefined>,
  format: ExportFormat,
  headers: "en" | "zh",
): string {
  const params = new URLSearchParams({ format, headers });
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === "") continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, String(item));
  }
  return `/api/exports/customers?${params.toString()}`;
}
