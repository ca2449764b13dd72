import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  startTestApp,
  TEST_PASSWORD,
  type Session,
  type TestApp,
} from "../../../test/support/testApp.js";

/** Two administrators, each with a session of their own. */
async function twoAdmins(t: TestApp): Promise<Session[]> {
  const first = await t.as("admin");
  const created = await first.request("POST", "/api/users", {
    email: "second.admin@test.local",
    name: "第二管理员",
    password: TEST_PASSWORD,
    role: "admin",
  });
  expect(created.statusCode, created.body).toBe(201);
  return [first, await t.login("second.admin@test.local")];
}

describe("users: changes from the version the admin read", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it("saves one of two changes made at the same version, refuses the other with the current version, and loses neither", async () => {
    const admins = await twoAdmins(t);
    const id = t.users.outsider;
    const url = `/api/users/${id}`;
    const read = async () =>
      (await admins[0]!.request("GET", "/api/users"))
        .json()
        .items.find((u: { id: number }) => u.id === id);
    const before = await read();
    const changes = [{ name: "改名的人" }, { role: "marketing_manager" }];
    const answers = await Promise.all(
      admins.map((admin, i) =>
        admin.request("PATCH", url, { version: before.version, ...changes[i] }),
      ),
    );
    expect(answers.map((a) => a.statusCode).sort(), answers.map((a) => a.body).join("\n")).toEqual([
      200, 409,
    ]);
    const won = answers.findIndex((a) => a.statusCode === 200);
    const lost = 1 - won;
    expect(answers[lost]!.json().error).toMatchObject({
      id: "stale_write",
      currentVersion: before.version + 1,
    });
    expect(await read()).toMatchObject({
      ...before,
      ...changes[won],
      version: before.version + 1,
    });

    // The refused admin reloads and applies their change again: both changes stand.
    const retry = await admins[lost]!.request("PATCH", url, {
      version: (await read()).version,
      ...changes[lost],
    });
    expect(retry.statusCode, retry.body).toBe(200);
    expect(await read()).toMatchObject({
      name: "改名的人",
      role: "marketing_manager",
      version: before.version + 2,
    });
    const { rows } = await t.database.pool.query(
      "select after from audit_log where entity = 'user' and action = 'update' and entity_id = $1 order by id",
      [String(id)],
    );
    expect(rows.map((r) => r.after)).toMatchObject([changes[won], changes[lost]]);
  });

  it("refuses a change without a version, and a stale one changes nothing (not even the password)", async () => {
    const admin = await t.as("admin");
    const id = t.users.teammate;
    const missing = await admin.request("PATCH", `/api/users/${id}`, { name: "无版本" });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toMatchObject({ id: "validation_error", field: "version" });

    const stale = await admin.request("PATCH", `/api/users/${id}`, {
      version: 99,
      active: false,
      password: "a brand new password",
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ id: "stale_write", currentVersion: 1 });
    // Still active, still signing in with the old password.
    const teammate = await t.as("teammate");
    expect((await teammate.request("GET", "/api/auth/me")).json().user).toMatchObject({
      active: true,
      version: 1,
    });
  });
});
