/** Login and logout, the current session, users (admins) and API tokens (for integrations). */
import { z } from "zod";
import { and, eq } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../context.js";
import {
  CreateApiTokenSchema,
  CreateUserSchema,
  LoginSchema,
  SessionSchema,
  UpdateUserSchema,
  UserIdParamsSchema,
  UserSchema,
} from "../../shared/schemas/auth.js";
import { ErrorResponseSchema, IdParamsSchema } from "../../shared/schemas/common.js";
import { login } from "./login.js";
import { createApiToken, deleteSession, SESSION_COOKIE, SESSION_DAYS } from "./sessions.js";
import { actorOf } from "../http/auth.plugin.js";
import { requireScope } from "./access.js";
import { findUser, listUsers } from "../users/users.repository.js";
import { createUser } from "../users/createUser.js";
import { updateUser } from "../users/updateUser.js";
import { apiTokens } from "../db/schema.js";
import { NotFound } from "../http/errors.js";
import { recordAudit } from "../audit/recordAudit.js";

const errors = {
  400: ErrorResponseSchema,
  401: ErrorResponseSchema,
  403: ErrorResponseSchema,
  404: ErrorResponseSchema,
  409: ErrorResponseSchema,
};

export const authRoutes: FastifyPluginAsyncZod<{ context: AppContext }> = async (
  app,
  { context },
) => {
  const { db } = context.database;

  app.post(
    "/api/auth/login",
    {
      config: { access: "public", rateLimit: { max: 20, timeWindow: "1 minute" } },
      schema: {
        tags: ["auth"],
        summary: "Log in; sets the session cookie",
        security: [],
        body: LoginSchema,
        response: { 200: SessionSchema, ...errors, 423: ErrorResponseSchema },
      },
    },
    async (request, reply) => {
      const { session, user } = await login({ db, ...request.body, requestId: request.id });
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: "/",
        httpOnly: true,
        sameSite: "lax",
        secure: request.protocol === "https",
        maxAge: SESSION_DAYS * 86_400,
      });
      return { user: (await findUser(db, user.id))!, csrfToken: session.csrfToken } as never;
    },
  );

  app.post(
    "/api/auth/logout",
    {
      config: { access: "public" },
      schema: { tags: ["auth"], summary: "Log out", response: { 204: z.null() } },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await deleteSession(db, token);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/auth/me",
    {
      config: { access: "user" },
      schema: {
        tags: ["auth"],
        summary: "The logged-in user and the CSRF token to send on writes",
        response: {
          200: z.object({ user: UserSchema, csrfToken: z.string().nullable() }),
          ...errors,
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const user = await findUser(db, actor.id);
      if (!user) throw NotFound("User", actor.id);
      return { user: user as never, csrfToken: request.csrfToken };
    },
  );

  app.get(
    "/api/users",
    {
      config: { access: { roles: ["admin", "marketing_manager"] } },
      schema: {
        tags: ["users"],
        summary: "All users (admins and managers)",
        response: { 200: z.object({ items: z.array(UserSchema) }), ...errors },
      },
    },
    async () => {
      return { items: (await listUsers(db)) as never };
    },
  );

  app.post(
    "/api/users",
    {
      config: { access: { roles: ["admin"] } },
      schema: {
        tags: ["users"],
        summary: "Create a user (admins)",
        body: CreateUserSchema,
        response: { 201: UserSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const user = await createUser({ db, actor, input: request.body });
      return reply.status(201).send(user as never);
    },
  );

  app.patch(
    "/api/users/:id",
    {
      config: { access: { roles: ["admin"] } },
      schema: {
        tags: ["users"],
        summary: "Change a user (admins)",
        params: UserIdParamsSchema,
        body: UpdateUserSchema,
        response: { 200: UserSchema, ...errors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return (await updateUser({ db, actor, id: request.params.id, input: request.body })) as never;
    },
  );

  app.post(
    "/api/auth/tokens",
    {
      config: { access: "user" },
      schema: {
        tags: ["auth"],
        summary: "Create an API token for the current user; the token is shown once",
        body: CreateApiTokenSchema,
        response: { 201: z.object({ id: z.number(), token: z.string() }), ...errors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (actor.via === "token") requireScope(actor, "admin");
      const { name, scopes, expiresInDays } = request.body;
      const expiresAt = expiresInDays ? new Date(Date.now() + expiresInDays * 86_400_000) : null;
      const created = await db.transaction(async (tx) => {
        const token = await createApiToken(tx, actor.id, name, scopes, expiresAt);
        await recordAudit(tx, {
          actor,
          action: "create",
          entity: "api_token",
          entityId: token.id,
          after: { name, scopes },
        });
        return token;
      });
      return reply.status(201).send(created);
    },
  );

  app.delete(
    "/api/auth/tokens/:id",
    {
      config: { access: "user" },
      schema: {
        tags: ["auth"],
        summary: "Revoke one of your API tokens",
        params: IdParamsSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const revoked = await db.transaction(async (tx) => {
        const rows = await tx
          .update(apiTokens)
          .set({ revokedAt: new Date() })
          .where(and(eq(apiTokens.id, request.params.id), eq(apiTokens.userId, actor.id)))
          .returning({ id: apiTokens.id });
        if (rows.length)
          await recordAudit(tx, {
            actor,
            action: "revoke",
            entity: "api_token",
            entityId: request.params.id,
          });
        return rows.length > 0;
      });
      if (!revoked) throw NotFound("API token", request.params.id);
      return reply.status(204).send(null);
    },
  );
};
