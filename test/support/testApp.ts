/**
 * A real Ladder server (Fastify, injected requests) on a real test database, with one user per
 * role and helpers to act as each of them through the public API.
 */
import type { LightMyRequestResponse } from "fastify";
import { buildApp, type App } from "../../src/server/http/app.js";
import { createContext } from "../../src/server/createContext.js";
import type { Database } from "../../src/server/db/client.js";
import { createUser } from "../../src/server/users/createUser.js";
import type { Role } from "../../src/shared/enums.js";
import type { AppContext } from "../../src/server/context.js";
import { openTestDatabase } from "./testDatabase.js";

export const TEST_PASSWORD = "correct horse battery staple";

export interface Session {
  userId: number;
  cookie: string;
  csrfToken: string;
  request(
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
}

export interface TestApp {
  app: App;
  database: Database;
  context: AppContext;
  users: Record<"admin" | "marketing" | "analyst" | "manager" | "teammate" | "outsider", number>;
  login(email: string, password?: string): Promise<Session>;
  as(user: keyof TestApp["users"]): Promise<Session>;
  close(): Promise<void>;
}

const people: Record<keyof TestApp["users"], { role: Role; team?: string }> = {
  admin: { role: "admin" },
  marketing: { role: "marketing_manager" },
  analyst: { role: "analyst" },
  manager: { role: "account_manager", team: "East" },
  teammate: { role: "account_manager", team: "East" },
  outsider: { role: "account_manager", team: "West" },
};

export async function startTestApp(): Promise<TestApp> {
  const database = await openTestDatabase();
  const context = await createContext(database);
  const app = await buildApp({ context });
  const users = {} as TestApp["users"];
  for (const [key, person] of Object.entries(people)) {
    const user = await createUser({
      db: database.db,
      actor: null,
      input: {
        email: `${key}@test.local`,
        name: key,
        password: TEST_PASSWORD,
        role: person.role,
        ...(person.team ? { team: person.team } : {}),
      },
    });
    users[key as keyof TestApp["users"]] = user.id;
  }
  const sessions = new Map<string, Session>();

  async function login(email: string, password = TEST_PASSWORD): Promise<Session> {
    const response = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email, password },
    });
    if (response.statusCode !== 200)
      throw new Error(`login failed: ${response.statusCode} ${response.body}`);
    const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    const { csrfToken, user } = response.json() as { csrfToken: string; user: { id: number } };
    return {
      userId: user.id,
      cookie,
      csrfToken,
      request: (method, url, body, headers = {}) =>
        app.inject({
          method: method as never,
          url,
          headers: { cookie, "x-csrf-token": csrfToken, ...headers },
          ...(body === undefined
            ? {}
            : typeof body === "string"
              ? {
                  payload: body,
                  headers: {
                    cookie,
                    "x-csrf-token": csrfToken,
                    "content-type": "application/json",
                    ...headers,
                  },
                }
              : { payload: body as object }),
        }),
    };
  }

  return {
    app,
    database,
    context,
    users,
    login,
    async as(user) {
      const cached = sessions.get(user);
      if (cached) return cached;
      const session = await login(`${user}@test.local`);
      sessions.set(user, session);
      return session;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
