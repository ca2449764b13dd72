import { describe, expect, it } from "vitest";
import type { Grade } from "../../shared/enums.js";
import { redactAuditPayload } from "./redactAuditPayload.js";
import { CONTACT_PERSONAL_FIELDS, CUSTOMER_PERSONAL_FIELDS } from "./personalFields.js";

/** Grades as an admin might set them: `region` made confidential, everything else public. */
const grades = {
  gradeOf: (entity: string, field: string): Grade =>
    entity === "customer" && field === "region" ? "confidential" : "public",
};

describe("redactAuditPayload", () => {
  const cases: [string, string, unknown, unknown][] = [
    [
      "hides personal customer values, keeps the rest",
      "customer",
      { name: "王芳", phone: "139", notes: "x", tags: ["vip"], stage: "new", industry: "金融" },
      {
        name: "[redacted]",
        phone: "[redacted]",
        notes: "[redacted]",
        tags: "[redacted]",
        stage: "new",
        industry: "金融",
      },
    ],
    [
      "hides a field an admin graded confidential",
      "customer",
      { region: "上海" },
      { region: "[redacted]" },
    ],
    [
      "keeps null: an empty field says nothing",
      "customer",
      { phone: null, email: undefined },
      { phone: null, email: undefined },
    ],
    [
      "hides a stage change's free-text reason",
      "customer",
      { stage: "core", reason: "她升职了" },
      { stage: "core", reason: "[redacted]" },
    ],
    [
      "hides contact details",
      "contact",
      { name: "王小明", email: "a@b.c", isKey: true, buyingRole: "user" },
      { name: "[redacted]", email: "[redacted]", isKey: true, buyingRole: "user" },
    ],
    [
      "hides free text of owned rows",
      "interaction",
      { summary: "聊了房贷", channel: "phone" },
      { summary: "[redacted]", channel: "phone" },
    ],
    [
      "hides complaint descriptions",
      "complaint",
      { description: "态度差", step: "record" },
      { description: "[redacted]", step: "record" },
    ],
    [
      "hides research note bodies",
      "research_note",
      { body: "稳健型", method: "interview" },
      { body: "[redacted]", method: "interview" },
    ],
    [
      "redacts lists of records item by item",
      "contact",
      [{ phone: "1" }, { phone: null }],
      [{ phone: "[redacted]" }, { phone: null }],
    ],
    [
      "leaves entities without personal fields alone",
      "transaction",
      { amountCents: 100, product: "理财" },
      { amountCents: 100, product: "理财" },
    ],
    ["passes null and scalars through", "customer", null, null],
    ["passes a bare string through", "customer", "imported", "imported"],
  ];
  it.each(cases)("%s", (_label, entity, payload, expected) => {
    expect(redactAuditPayload(entity, payload, grades)).toEqual(expected);
  });

  it("treats every customer and contact field as personal unless it is an aggregate attribute", () => {
    expect(CUSTOMER_PERSONAL_FIELDS).toEqual(
      expect.arrayContaining([
        "name",
        "phone",
        "email",
        "address",
        "birthDate",
        "family",
        "incomeBand",
        "notes",
        "tags",
        "externalRef",
      ]),
    );
    expect(CUSTOMER_PERSONAL_FIELDS).not.toEqual(expect.arrayContaining(["industry"]));
    expect(
      CUSTOMER_PERSONAL_FIELDS.some((f) =>
        ["kind", "stage", "region", "ownerId", "categorySpendCents"].includes(f),
      ),
    ).toBe(false);
    expect(CONTACT_PERSONAL_FIELDS).toEqual(
      expect.arrayContaining([
        "name",
        "title",
        "phone",
        "email",
        "birthDate",
        "personality",
        "interests",
        "notes",
      ]),
    );
    expect(
      CONTACT_PERSONAL_FIELDS.some((f) =>
        ["id", "customerId", "isKey", "buyingRole", "version"].includes(f),
      ),
    ).toBe(false);
  });
});
