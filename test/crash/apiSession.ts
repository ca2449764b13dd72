/** A logged-in admin talking to a server process over HTTP, as an integration would. */
/* eslint-disable @typescript-eslint/no-explicit-any -- bodies are whatever the tests assert */
import { openAsBlob } from "node:fs";

export interface ApiSession {
  request(method: string, path: string, body?: unknown): Promise<{ status: number; json: any }>;
  /** Sends a file as the raw body of POST /api/imports/:kind. */
  upload(
    kind: string,
    path: string,
    idempotencyKey: string,
  ): Promise<{ status: number; json: any }>;
  /** Polls `path` until `done` says so, or fails after `timeoutMs`. */
  waitFor(path: string, done: (json: any) => boolean, timeoutMs: number): Promise<any>;
}

export async function logIn(
  baseUrl: string,
  credentials: { email: string; password: string },
): Promise<ApiSession> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(credentials),
  });
  if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const headers = { cookie, "x-csrf-token": csrfToken };

  const answer = async (response: Response) => {
    const text = await response.text();
    return { status: response.status, json: text ? JSON.parse(text) : null };
  };
  const session: ApiSession = {
    async request(method, path, body) {
      return answer(
        await fetch(`${baseUrl}${path}`, {
          method,
          headers:
            body === undefined ? headers : { ...headers, "content-type": "application/json" },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        }),
      );
    },
    async upload(kind, path, idempotencyKey) {
      return answer(
        await fetch(`${baseUrl}/api/imports/${kind}?fileName=upload.csv`, {
          method: "POST",
          headers: { ...headers, "content-type": "text/csv", "idempotency-key": idempotencyKey },
          body: await openAsBlob(path),
        }),
      );
    },
    async waitFor(path, done, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const { status, json } = await session.request("GET", path);
        if (status !== 200) throw new Error(`GET ${path} → ${status} ${JSON.stringify(json)}`);
        if (done(json)) return json;
        if (Date.now() > deadline)
          throw new Error(`gave up waiting on ${path}: ${JSON.stringify(json)}`);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    },
  };
  return session;
}
