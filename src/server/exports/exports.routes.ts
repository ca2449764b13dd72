/**
 * Bulk export over HTTP: `GET /api/exports/{customers,contacts,transactions}?format=csv|xlsx`
 * with the customer list's filters, streamed as a download.
 */
import { PassThrough } from "node:stream";
import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../context.js";
import { actorOf } from "../http/auth.plugin.js";
import { errorResponses } from "../customers/customers.routes.js";
import { XLSX_TYPE } from "../imports/receiveUpload.js";
import {
  ExportContactsQuerySchema,
  ExportCustomersQuerySchema,
  ExportTransactionsQuerySchema,
  type ExportKind,
  type ExportQuery,
} from "./exports.schema.js";
import { exportTable } from "./exportTable.js";

const CONTENT_TYPE = { csv: "text/csv; charset=utf-8", xlsx: XLSX_TYPE } as const;

const routes: { kind: ExportKind; schema: z.ZodType; summary: string }[] = [
  {
    kind: "customers",
    schema: ExportCustomersQuerySchema,
    summary: "Export customers (the list's filters) as CSV or xlsx",
  },
  {
    kind: "contacts",
    schema: ExportContactsQuerySchema,
    summary: "Export the contacts of the customers matching the filters",
  },
  {
    kind: "transactions",
    schema: ExportTransactionsQuerySchema,
    summary:
      "Export the transactions of the customers matching the filters, optionally from/to a time",
  },
];

export const exportsRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (
  app,
  { context },
) => {
  const { db } = context.database;
  for (const { kind, schema, summary } of routes) {
    app.get(
      `/api/exports/${kind}`,
      {
        config: { access: "user" },
        schema: {
          tags: ["exports"],
          summary,
          description:
            "Only rows you may read, and only the fields your grade allows. Headers are the API's field " +
            "names (or Chinese with headers=zh), so the file imports back. CSV is UTF-8 with a BOM; text " +
            "that a spreadsheet would run as a formula starts with an apostrophe.",
          querystring: schema,
          produces: [CONTENT_TYPE.csv, XLSX_TYPE],
          response: { 200: z.string().describe("The file"), ...errorResponses },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const query = request.query as ExportQuery;
        const output = new PassThrough();
        exportTable({
          db,
          grades: context.grades,
          actor,
          kind,
          query,
          output,
          requestId: request.id,
        }).catch((error: unknown) => {
          request.log.error({ err: error }, "export failed");
          output.destroy(error as Error);
        });
        // A client that goes away stops the export at its next row.
        reply.raw.on("close", () => {
          if (!reply.raw.writableFinished) output.destroy();
        });
        const day = new Date().toISOString().slice(0, 10);
        return (
          reply
            .header("content-type", CONTENT_TYPE[query.format])
            .header("content-disposition", `attachment; filename="${kind}-${day}.${query.format}"`)
            // A stream bypasses the serializer; the schema only describes the download.
            .send(output as unknown as string)
        );
      },
    );
  }
};
