import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { startTestApp, type TestApp } from "../../../test/support/testApp.js";
import { CustomerSchema } from "../../shared/schemas/customers.js";
import { ContactSchema } from "../../shared/schemas/contacts.js";

describe("settings: field grades and retention", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  type Field = { entity: string; field: string; grade: string };
  const gradeOf = (fields: Field[], entity: string, field: string) =>
    fields.find((f) => f.entity === entity && f.field === field)?.grade;

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

    // Back to public, and setting the same grades again changes (and audits) nothing.
    await admin.request("PUT", "/api/settings/field-grades", {
      grades: [{ entity: "customer", field: "region", grade: "public" }],
    });
    await admin.request("PUT", "/api/settings/field-grades", {
      grades: [{ entity: "customer", field: "region", grade: "public" }],
    });
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
    for (const [body, field] of [
      [
        { grades: [{ entity: "customer", field: "favouriteColour", grade: "public" }] },
        "grades.0.field",
      ],
      [
        {
          grades: [
            { entity: "customer", field: "region", grade: "public" },
            { entity: "customer", field: "id", grade: "confidential" },
          ],
        },
        "grades.1.field",
      ],
      [{ grades: [{ entity: "customer", field: "region", grade: "secret" }] }, "grades.0.grade"],
      [{ grades: [{ entity: "user", field: "email", grade: "public" }] }, "grades.0.entity"],
      [{ grades: [] }, "grades"],
      [{}, "grades"],
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
            grades: [{ entity: "customer", field: "region", grade: "public" }],
          })
        ).statusCode,
      ).toBe(403);
      expect(
        (
          await session.request("PUT", "/api/settings/retention", {
            exitedCustomerYears: 1,
            interactionYears: 1,
          })
        ).statusCode,
      ).toBe(403);
    }
  });

  it("stores retention periods, audited, and refuses nonsense", async () => {
    const admin = await t.as("admin");
    expect((await admin.request("GET", "/api/settings/retention")).json()).toEqual({
      exitedCustomerYears: 5,
      interactionYears: 3,
    });
    const set = await admin.request("PUT", "/api/settings/retention", {
      exitedCustomerYears: 7,
      interactionYears: null,
    });
    expect(set.json()).toEqual({ exitedCustomerYears: 7, interactionYears: null });
    expect((await admin.request("GET", "/api/settings/retention")).json()).toEqual({
      exitedCustomerYears: 7,
      interactionYears: null,
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
      [{ exitedCustomerYears: 0, interactionYears: 3 }, "exitedCustomerYears"],
      [{ exitedCustomerYears: 2.5, interactionYears: 3 }, "exitedCustomerYears"],
      [{ exitedCustomerYears: 5 }, "interactionYears"],
      [{ exitedCustomerYears: 5, interactionYears: 3, forever: true }, "forever"],
    ] as const) {
      const response = await admin.request("PUT", "/api/settings/retention", body);
      expect(response.json().error, JSON.stringify(body)).toMatchObject({
        id: "validation_error",
        field,
      });
    }
  });
});
