/** Administration settings over HTTP: field grades and retention periods (admins only). */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../context.js";
import {
  FieldGradeListSchema,
  RetentionSettingsSchema,
  UpdateFieldGradesSchema,
  UpdateRetentionSchema,
} from "../../shared/schemas/settings.js";
import { actorOf } from "../http/auth.plugin.js";
import { errorResponses } from "../customers/customers.routes.js";
import { listFieldGrades, setFieldGrades } from "./fieldGradeSettings.js";
import { readRetentionSettings, setRetention } from "./retentionSettings.js";

const admins = { access: { roles: ["admin"] } } as const;

export const settingsRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (
  app,
  { context },
) => {
  const { db } = context.database;

  app.get(
    "/api/settings/field-grades",
    {
      config: admins,
      schema: {
        tags: ["settings"],
        summary:
          "Every gradable customer and contact field with its sensitivity grade, and each role's ceiling",
        response: { 200: FieldGradeListSchema, ...errorResponses },
      },
    },
    async () => listFieldGrades({ db }),
  );

  app.put(
    "/api/settings/field-grades",
    {
      config: admins,
      schema: {
        tags: ["settings"],
        summary:
          "Set field grades in bulk from the version you read (409 stale_write if another admin saved since); they apply from the next request",
        body: UpdateFieldGradesSchema,
        response: { 200: FieldGradeListSchema, ...errorResponses },
      },
    },
    async (request) =>
      setFieldGrades({
        db,
        actor: actorOf(request),
        grades: context.grades,
        input: request.body,
        requestId: request.id,
      }),
  );

  app.get(
    "/api/settings/retention",
    {
      config: admins,
      schema: {
        tags: ["settings"],
        summary: "How long personal data is kept (years; null keeps it indefinitely)",
        response: { 200: RetentionSettingsSchema, ...errorResponses },
      },
    },
    async () => readRetentionSettings(db),
  );

  app.put(
    "/api/settings/retention",
    {
      config: admins,
      schema: {
        tags: ["settings"],
        summary:
          "Set the retention periods from the version you read (409 stale_write if another admin saved since)",
        body: UpdateRetentionSchema,
        response: { 200: RetentionSettingsSchema, ...errorResponses },
      },
    },
    async (request) =>
      setRetention({ db, actor: actorOf(request), input: request.body, requestId: request.id }),
  );
};
