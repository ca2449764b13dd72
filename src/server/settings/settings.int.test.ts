import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  startTestApp,
  TEST_PASSWORD,
  type Session,
  type TestApp,
} from "../../../test/support/testApp.js";
import { CustomerSchema } from "../../shared/schemas/customers.js";
import { ContactSchema } from "../../shared/schemas/contacts.js";

type Field = { entity: string; field: string; grade: string };

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

describe("settings: field grades and retention", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const gradeOf = (fields: Field[], entity: string, field: string) =>
    fields.find((f) => f.entity === entity && f.field === field)?.grade;
  const gradesVersion = async (admin: Session): Promise<number> =>
    (await admin.request("GET", "/api/settings/field-grades")).json().version;

  it("lists every optional field of the API's customer and contact with its grade and the role ceilings", async () => {
    const response = await (await t.as("admin")).request("GET", "/api/settings/field-grades");
    expect(response.statusCode, response.body).toBe(200);
    const { fields, roleCeilings } = response.json() as {
      fields: Field[];
      roleCeilings: Record<string, string>;
    };
    const optional = (shape: Record<string, z.ZodType>) =>
      Object.keys(shape).filter((k) => shape[k] instanceof z.ZodOptional);
    expect(fields.filter((f) => f.entity === "customer").map((f) => f.field)).toEqual(
      optional(CustomerSchema.shape),
    );
    expect(fields.filter((f) => f.entity === "contact").map((f) => f.field)).toEqual(
      optional(ContactSchema.shape),
    );
    // Identity fields are always shown, so they carry no grade.
    expect(fields.map((f) => `${f.entity}.${f.field}`)).not.toEqual(
      expect.arrayContaining(["customer.id"]),
    );
    expect(fields.map((f) => `${f.entity}.${f.field}`)).not.toContain("customer.name");
    expect(gradeOf(fields, "customer", "phone")).toBe("confidential");
    expect(gradeOf(fields, "customer", "notes")).toBe("internal");
    expect(gradeOf(fields, "customer", "region")).toBe("public");
    expect(gradeOf(fields, "contact", "email")).toBe("confidential");
    expect(roleCeilings).toEqual({
      admin: "confidential",
      account_manager: "confidential",
      marketing_manager: "internal",
      analyst: "public",
    });
  });

  it("applies new grades at once and audits them with before and after", async () => {
    const manager = await t.as("manager");
    const { id } = (
      await manager.request("POST", "/api/customers", {
        kind: "organization",
        name: "分级测试公司",
        region: "杭州",
        phone: "0571-1234",
      })
    ).json();
    const analyst = await t.as("analyst");
    expect((await analyst.request("GET", `/api/customers/${id}`)).json().region).toBe("杭州");

    const admin = await t.as("admin");
    const response = await admin.request("PUT", "/api/settings/field-grades", {
      version: await gradesVersion(admin),
      grades: [
        { entity: "customer", field: "region", grade: "internal" },
        { entity: "customer", field: "phone", grade: "confidential" },
        { entity: "contact", field: "title", grade: "internal" },
      ],
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(gradeOf(response.json().fields, "customer", "region")).toBe("internal");

    expect((await analyst.request("GET", `/api/customers/${id}`)).json()).not.toHaveProperty(
      "region",
    );
    expect(
      (await (await t.as("marketing")).request("GET", `/api/customers/${id}`)).json().region,
    ).toBe("杭州");

    const { rows } = await t.database.pool.query(
      "select actor_id, entity, before, after from audit_log where entity = 'field_grades' order by id",
    );
    // Only what changed: phone was confidential already.
    expect(rows).toEqual([
      {
        actor_id: t.users.admin,
        entity: "field_grades",
        before: { "customer.region": "public", "contact.title": "public" },
        after: { "customer.region": "internal", "contact.title": "internal" },
      },
    ]);

    // Back to public, and setting the same grades again changes (and audits) nothing, nor
    // moves the version on.
    const back = await admin.request("PUT", "/api/settings/field-grades", {
      version: response.json().version,
      grades: [{ entity: "customer", field: "region", grade: "public" }],
    });
    expect(back.json().version).toBe(response.json().version + 1);
    const again = await admin.request("PUT", "/api/settings/field-grades", {
      version: back.json().version,
      grades: [{ entity: "customer", field: "region", grade: "public" }],
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().version).toBe(back.json().version);
    expect((await analyst.request("GET", `/api/customers/${id}`)).json().region).toBe("杭州");
    expect(
      (
        await t.database.pool.query(
          "select count(*)::int as n from audit_log where entity = 'field_grades'",
        )
      ).rows[0].n,
    ).toBe(2);
  });

  it("refuses unknown or ungradable fields, bad grades and non-admins", async () => {
    const admin = await t.as("admin");
    const version = await gradesVersion(admin);
    const region = { entity: "customer", field: "region", grade: "public" };
    for (const [body, field] of [
      [
        { version, grades: [{ entity: "customer", field: "favouriteColour", grade: "public" }] },
        "grades.0.field",
      ],
      [
        {
          version,
          grades: [region, { entity: "customer", field: "id", grade: "confidential" }],
        },
        "grades.1.field",
      ],
      [
        { version, grades: [{ entity: "customer", field: "region", grade: "secret" }] },
        "grades.0.grade",
      ],
      [
        { version, grades: [{ entity: "user", field: "email", grade: "public" }] },
        "grades.0.entity",
      ],
      [{ version, grades: [] }, "grades"],
      [{ version }, "grades"],
      [{ grades: [region] }, "version"],
      [{ version: 0, grades: [region] }, "version"],
    ] as const) {
      const response = await admin.request("PUT", "/api/settings/field-grades", body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error, JSON.stringify(body)).toMatchObject({
        id: "validation_error",
        field,
      });
    }
    for (const who of ["marketing", "manager", "analyst"] as const) {
      const session = await t.as(who);
      expect((await session.request("GET", "/api/settings/field-grades")).statusCode).toBe(403);
      expect(
        (
          await session.request("PUT", "/api/settings/field-grades", {
            version,
            grades: [{ entity: "customer", field: "region", grade: "public" }],
          })
        ).statusCode,
      ).toBe(403);
      expect(
        (
          await session.request("PUT", "/api/settings/retention", {
            version: 1,
            exitedCustomerYears: 1,
            interactionYears: 1,
          })
        ).statusCode,
      ).toBe(403);
    }
  });

  it("stores retention periods, audited, and refuses nonsense", async () => {
    const admin = await t.as("admin");
    // The defaults count as version 1 until an admin saves.
    expect((await admin.request("GET", "/api/settings/retention")).json()).toEqual({
      exitedCustomerYears: 5,
      interactionYears: 3,
      version: 1,
    });
    const set = await admin.request("PUT", "/api/settings/retention", {
      version: 1,
      exitedCustomerYears: 7,
      interactionYears: null,
    });
    expect(set.json()).toEqual({ exitedCustomerYears: 7, interactionYears: null, version: 2 });
    expect((await admin.request("GET", "/api/settings/retention")).json()).toEqual({
      exitedCustomerYears: 7,
      interactionYears: null,
      version: 2,
    });
    const { rows } = await t.database.pool.query(
      "select before, after from audit_log where entity = 'settings' and entity_id = 'retention'",
    );
    expect(rows).toEqual([
      {
        before: { exitedCustomerYears: 5, interactionYears: 3 },
        after: { exitedCustomerYears: 7, interactionYears: null },
      },
    ]);
    for (const [body, field] of [
      [{ version: 2, exitedCustomerYears: 0, interactionYears: 3 }, "exitedCustomerYears"],
      [{ version: 2, exitedCustomerYears: 2.5, interactionYears: 3 }, "exitedCustomerYears"],
      [{ version: 2, exitedCustomerYears: 5 }, "interactionYears"],
      [{ version: 2, exitedCustomerYears: 5, interactionYears: 3, forever: true }, "forever"],
      [{ exitedCustomerYears: 5, interactionYears: 3 }, "version"],
    ] as const) {
      const response = await admin.request("PUT", "/api/settings/retention", body);
      expect(response.json().error, JSON.stringify(body)).toMatchObject({
        id: "validation_error",
        field,
      });
    }
  });
});

describe("settings: two admins saving what they read at the same version", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  type Answer = Awaited<ReturnType<Session["request"]>>;
  /** The one that was saved and the one refused, whichever order the server took them in. */
  const winnerAndLoser = (answers: Answer[]) => {
    expect(answers.map((a) => a.statusCode).sort(), answers.map((a) => a.body).join("\n")).toEqual([
      200, 409,
    ]);
    const won = answers.findIndex((a) => a.statusCode === 200);
    return { won, lost: 1 - won };
  };
  const auditRows = async (entity: string) =>
    (
      await t.database.pool.query<{ n: number }>(
        "select count(*)::int as n from audit_log where entity = $1",
        [entity],
      )
    ).rows[0]!.n;

  let admins: Session[];
  beforeAll(async () => {
    admins = await twoAdmins(t);
  });

  it("saves retention for one (even on the first save), refuses the other with the current version, and loses neither change", async () => {
    const read = (await admins[0]!.request("GET", "/api/settings/retention")).json();
    expect(read.version).toBe(1);
    // Each changes one period of the object they read and sends the whole object back.
    const wanted = [
      { ...read, exitedCustomerYears: 8 },
      { ...read, interactionYears: 2 },
    ];
    const answers = await Promise.all(
      admins.map((admin, i) => admin.request("PUT", "/api/settings/retention", wanted[i])),
    );
    const { won, lost } = winnerAndLoser(answers);
    expect(answers[lost]!.json().error).toMatchObject({ id: "stale_write", currentVersion: 2 });
    expect((await admins[lost]!.request("GET", "/api/settings/retention")).json()).toEqual({
      ...wanted[won],
      version: 2,
    });
    expect(await auditRows("settings")).toBe(1);

    // The refused admin reloads and applies their change to what the other saved.
    const reloaded = (await admins[lost]!.request("GET", "/api/settings/retention")).json();
    const change = lost === 0 ? { exitedCustomerYears: 8 } : { interactionYears: 2 };
    const retry = await admins[lost]!.request("PUT", "/api/settings/retention", {
      ...reloaded,
      ...change,
    });
    expect(retry.statusCode, retry.body).toBe(200);
    expect(retry.json()).toEqual({ exitedCustomerYears: 8, interactionYears: 2, version: 3 });
    expect(await auditRows("settings")).toBe(2);
  });

  it("saves grades for one, refuses the other with the current version, and loses neither change", async () => {
    const { version } = (await admins[0]!.request("GET", "/api/settings/field-grades")).json();
    const fields = ["title", "buyingRole"];
    const gradeOf = (list: { fields: Field[] }, field: string) =>
      list.fields.find((f) => f.entity === "contact" && f.field === field)?.grade;
    const answers = await Promise.all(
      admins.map((admin, i) =>
        admin.request("PUT", "/api/settings/field-grades", {
          version,
          grades: [{ entity: "contact", field: fields[i], grade: "internal" }],
        }),
      ),
    );
    const { won, lost } = winnerAndLoser(answers);
    expect(answers[lost]!.json().error).toMatchObject({
      id: "stale_write",
      currentVersion: version + 1,
    });
    const after = (await admins[lost]!.request("GET", "/api/settings/field-grades")).json();
    expect(after.version).toBe(version + 1);
    expect(gradeOf(after, fields[won]!)).toBe("internal");
    expect(gradeOf(after, fields[lost]!)).not.toBe("internal");
    expect(await auditRows("field_grades")).toBe(1);

    const retry = await admins[lost]!.request("PUT", "/api/settings/field-grades", {
      version: after.version,
      grades: [{ entity: "contact", field: fields[lost], grade: "internal" }],
    });
    expect(retry.statusCode, retry.body).toBe(200);
    expect(retry.json().version).toBe(version + 2);
    for (const field of fields) expect(gradeOf(retry.json(), field)).toBe("internal");
    expect(await auditRows("field_grades")).toBe(2);
  });

  it("documents the versions as required in the OpenAPI document", async () => {
    const doc = (await t.app.inject({ url: "/api/openapi.json" })).json();
    const bodyOf = (path: string) =>
      doc.paths[path].put.requestBody.content["application/json"].schema;
    expect(bodyOf("/api/settings/retention").required).toContain("version");
    expect(bodyOf("/api/settings/field-grades").required).toContain("version");
  });
});
