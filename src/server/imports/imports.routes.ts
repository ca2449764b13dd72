/**
 * Bulk import over HTTP. `POST /api/imports/:kind` takes the file (multipart field `file`, or
 * the raw body as text/csv or .xlsx): with `?dryRun=true` it checks everything and answers
 * with a preview; otherwise it saves the upload, answers 202 with the import's id, and runs
 * the import in the background, which `GET /api/imports/:id` follows.
 */
import { createReadStream } from "node:fs";
import { rm } from "node:fs/promises";
import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../context.js";
import { actorOf } from "../http/auth.plugin.js";
import { WRITER_ROLES } from "../http/crud/access.js";
import { NotFound, ValidationError } from "../http/errors.js";
import { errorResponses } from "../customers/customers.routes.js";
import { ErrorResponseSchema } from "../../shared/schemas/common.js";
import {
  ImportHeadersSchema,
  ImportIdParamsSchema,
  ImportListSchema,
  ImportParamsSchema,
  ImportPreviewSchema,
  ImportQuerySchema,
  ImportRecordSchema,
  ListImportsQuerySchema,
} from "./imports.schema.js";
import {
  acceptUploads,
  drain,
  MAX_UPLOAD_BYTES,
  RAW_FILE_TYPES,
  receiveUpload,
  spoolUpload,
} from "./receiveUpload.js";
import { beginImport, executeImport } from "./runImport.js";
import { previewImport } from "./previewImport.js";
import { findImport, findImportByKey, listImports, presentImport } from "./imports.repository.js";
import { stopRunningImports } from "./importRegistry.js";
import { recoverInterruptedImports } from "./recoverInterruptedImports.js";
import { FileFormatError, formatOfFileName } from "./readTable.js";

const tags = ["imports"];

export const importsRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (
  app,
  { context },
) => {
  const { database } = context;
  await acceptUploads(app);

  // Whatever a process that died left half done is rolled back before we serve.
  try {
    const recovered = await recoverInterruptedImports(database);
    if (recovered.length) app.log.warn({ imports: recovered }, "rolled back interrupted imports");
  } catch (error) {
    app.log.error({ err: error }, "could not recover interrupted imports");
  }
  // On shutdown, running imports stop at their next chunk and roll back.
  app.addHook("onClose", async () => stopRunningImports(database.pool));

  app.post(
    "/api/imports/:kind",
    {
      config: { access: { roles: WRITER_ROLES } },
      schema: {
        tags,
        summary:
          "Import customers, contacts or transactions from CSV or .xlsx (multipart field `file`, or the raw " +
          "body as text/csv or .xlsx), all or nothing; `dryRun=true` checks every row and writes nothing",
        description:
          `At most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB. Headers may be English field names (camelCase or ` +
          "snake_case) or their Chinese names (客户名称, 行业, 地区, …). A repeat with the same " +
          "Idempotency-Key after success answers with the first import.",
        consumes: ["multipart/form-data", ...RAW_FILE_TYPES],
        params: ImportParamsSchema,
        querystring: ImportQuerySchema,
        headers: ImportHeadersSchema,
        response: {
          200: z
            .union([ImportPreviewSchema, ImportRecordSchema])
            .describe("The preview (dry run), or the earlier import under this idempotency key"),
          202: ImportRecordSchema.describe(
            "The import has started; follow it at /api/imports/{id}",
          ),
          ...errorResponses,
          413: ErrorResponseSchema,
          415: ErrorResponseSchema,
          422: ErrorResponseSchema,
        },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { kind } = request.params;
      const { dryRun, fileName } = request.query;
      const key = request.headers["idempotency-key"] ?? null;
      if (!dryRun && key) {
        const earlier = await findImportByKey(database.db, key);
        if (
          earlier?.status === "succeeded" &&
          earlier.createdBy === actor.id &&
          earlier.kind === kind
        ) {
          return reply.status(200).send(presentImport(earlier, database.pool, true));
        }
      }
      const upload = await receiveUpload(request, fileName);
      let format;
      try {
        format = formatOfFileName(upload.fileName);
      } catch (error) {
        drain(upload);
        if (error instanceof FileFormatError) throw ValidationError("file", error.message);
        throw error;
      }
      if (dryRun) {
        try {
          return await previewImport({
            database,
            actor,
            kind,
            source: { ...upload, format },
            requestId: request.id,
          });
        } finally {
          drain(upload);
        }
      }
      const saved = await spoolUpload(upload);
      let started = false;
      try {
        const begun = await beginImport({
          database,
          actor,
          kind,
          fileName: upload.fileName,
          idempotencyKey: key,
        });
        if (begun.replay) return reply.status(200).send(begun.replay);
        const importId = begun.importId;
        const work = executeImport({
          database,
          actor,
          kind,
          importId,
          requestId: request.id,
          source: {
            stream: createReadStream(saved.path),
            fileName: upload.fileName,
            format,
            size: saved.size,
          },
        });
        started = true;
        void work
          .catch((error: unknown) => {
            if ((error as { id?: string }).id !== "import_failed")
              request.log.error({ err: error, importId }, "import failed");
          })
          .finally(() => rm(saved.path, { force: true }));
        const row = await findImport(database.db, importId);
        return reply.status(202).send(presentImport(row!, database.pool));
      } finally {
        if (!started) await rm(saved.path, { force: true });
      }
    },
  );

  app.get(
    "/api/imports/:id",
    {
      config: { access: "user" },
      schema: {
        tags,
        summary: "An import's status and progress (rows read and published)",
        params: ImportIdParamsSchema,
        response: { 200: ImportRecordSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await findImport(database.db, request.params.id);
      if (!row || (actor.role !== "admin" && row.createdBy !== actor.id))
        throw NotFound("Import", request.params.id);
      return presentImport(row, database.pool);
    },
  );

  app.get(
    "/api/imports",
    {
      config: { access: "user" },
      schema: {
        tags,
        summary: "Recent imports: your own (admins see everyone's)",
        querystring: ListImportsQuerySchema,
        response: { 200: ImportListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const rows = await listImports(database.db, actor, request.query.limit);
      return { items: rows.map((row) => presentImport(row, database.pool)) };
    },
  );
};
