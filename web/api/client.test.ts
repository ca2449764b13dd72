import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, api, isApiError, setCsrfToken, toSearchParams } from "./client.js";

function answer(status: number, body?: unknown, contentType = "application/json") {
  return new Response(
    body === undefined ? null : typeof body === "string" ? body : JSON.stringify(body),
    {
      status,
      headers: { "content-type": contentType },
    },
  );
}

function stubFetch(respond: () => Response | Error) {
  const fetch = vi.fn(async (_url: string, _init: RequestInit) => {
    const response = respond();
    if (response instanceof Error) throw response;
    return response;
  });
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe("api client", () => {
  it("sends JSON on the same origin with the session cookie, CSRF only on writes", async () => {
    setCsrfToken("tok");
    const fetch = stubFetch(() => answer(200, { ok: true }));
    await api.get("/api/customers", { stage: ["new", "old"], q: "张", cursor: undefined });
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe("/api/customers?stage=new&stage=old&q=%E5%BC%A0");
    expect(init.credentials).toBe("same-origin");
    expect((init.headers as Record<string, string>)["x-csrf-token"]).toBeUndefined();

    await api.patch("/api/customers/1", { version: 3, name: "新名" });
    const [, patch] = fetch.mock.calls[1]!;
    expect(patch.method).toBe("PATCH");
    expect(patch.body).toBe(JSON.stringify({ version: 3, name: "新名" }));
    expect(patch.headers).toMatchObject({
      "x-csrf-token": "tok",
      "content-type": "application/json",
    });
  });

  it("answers undefined for 204", async () => {
    stubFetch(() => answer(204));
    await expect(api.post("/api/auth/logout")).resolves.toBeUndefined();
  });

  it.each([
    [409, "stale_write", { error: { id: "stale_write", message: "changed" } }, undefined],
    [
      400,
      "validation_error",
      { error: { id: "validation_error", field: "email", message: "bad" } },
      "email",
    ],
    [
      401,
      "invalid_credentials",
      { error: { id: "invalid_credentials", message: "no" } },
      undefined,
    ],
    [401, "unauthorized", undefined, undefined],
    [502, "network_error", "<html>Bad gateway</html>", undefined],
    [500, "internal_error", "oops", undefined],
    [418, "unexpected_response", "teapot", undefined],
  ])("turns status %i into ApiError %s", async (status, id, body, field) => {
    stubFetch(() =>
      answer(status, body, typeof body === "string" ? "text/html" : "application/json"),
    );
    const error = await api.get("/api/x").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status, id, field });
    expect(isApiError(error, id)).toBe(true);
  });

  it("reports an unreachable server as network_error", async () => {
    stubFetch(() => new TypeError("Failed to fetch"));
    await expect(api.get("/api/health")).rejects.toMatchObject({ id: "network_error", status: 0 });
  });

  it("skips empty query values", () => {
    expect(toSearchParams({ a: "", b: null, c: undefined, d: [], e: 0, f: false }).toString()).toBe(
      "e=0&f=false",
    );
  });
});
