import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../../test/support/testApp.js";
import { scorePartition } from "../analytics/scorePartitions.js";

/** One person's data, each value distinctive so it can be searched for everywhere afterwards. */
const PERSON = {
  name: "王芳测试",
  phone: "13912345678",
  email: "wangfang.test@example.com",
  address: "上海市徐汇区漕溪北路88号",
  birthDate: "1985-03-12",
  spouse: "张伟测试",
  employer: "星河银行测试",
  notes: "喜欢周末打高尔夫",
  tag: "VIP-王芳",
  externalRef: "CRM-WF-001",
  contactName: "王小明测试",
  contactPhone: "13700001111",
  contactEmail: "xiaoming.test@example.com",
  contactNotes: "王芳的弟弟",
  interaction: "与王芳讨论了房贷",
  complaintTitle: "王芳投诉柜台服务",
  complaintText: "王芳说柜员态度差",
  researchNote: "王芳的理财偏好是稳健型",
  need: "王芳的养老需求",
  delivery: "为王芳定制的养老方案",
  bond: "王芳加入了会员俱乐部",
  source: "王芳本人电话告知",
  stageReason: "王芳首次购买理财",
};
const PERSONAL_VALUES = Object.values(PERSON);

/** Tables whose rows belong to a customer, by the column naming it. */
const OWNED_TABLES = [
  "contacts",
  "info_sources",
  "stage_events",
  "proposals",
  "needs",
  "deliveries",
  "interaction_plans",
  "interactions",
  "complaints",
  "bonds",
  "research_notes",
  "transactions",
  "purchase_summaries",
  "customer_scores",
  "consents",
];

describe("privacy: consents, subject access and erasure", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const sql = async (text: string, params: unknown[] = []) =>
    (await t.database.pool.query(text, params)).rows;

  /** Registers an individual with a full record: contacts, needs, history, purchases, scores. */
  let registered = 0;
  async function registerPerson(): Promise<number> {
    const me = await t.as("manager");
    registered++;
    const created = await me.request("POST", "/api/customers", {
      kind: "individual",
      name: PERSON.name,
      externalRef: `${PERSON.externalRef}-${registered}`,
      phone: PERSON.phone,
      email: PERSON.email,
      address: PERSON.address,
      birthDate: PERSON.birthDate,
      gender: "female",
      family: { spouse: PERSON.spouse },
      employer: PERSON.employer,
      incomeBand: "20-50万",
      notes: PERSON.notes,
      tags: [PERSON.tag],
      industry: "金融",
      region: "上海",
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as number;
    const contact = await me.request("POST", `/api/customers/${id}/contacts`, {
      name: PERSON.contactName,
      phone: PERSON.contactPhone,
      email: PERSON.contactEmail,
      notes: PERSON.contactNotes,
      buyingRole: "influencer",
    });
    expect(contact.statusCode, contact.body).toBe(201);
    for (const [occurredAt, amountCents] of [
      ["2024-01-05T09:00:00Z", 120_000],
      ["2024-06-01T09:00:00Z", 80_050],
    ] as const) {
      const tx = await me.request("POST", `/api/customers/${id}/transactions`, {
        occurredAt,
        amountCents,
        product: "稳健理财",
      });
      expect(tx.statusCode, tx.body).toBe(201);
    }
    const consent = await me.request("POST", `/api/customers/${id}/consents`, {
      purpose: "营销短信",
    });
    expect(consent.statusCode, consent.body).toBe(201);
    const [need] = await sql(
      "insert into needs (customer_id, level, kind, title, why) values ($1, 'core', 'benefit', $2, $2) returning id",
      [id, PERSON.need],
    );
    await sql(
      "insert into deliveries (customer_id, round, stage_at_plan, need_id, content, outcome) values ($1, 1, 'new', $2, $3, 'accepted')",
      [id, need.id, PERSON.delivery],
    );
    await sql(
      "insert into interactions (customer_id, channel, content_type, direction, occurred_at, summary, outcome) values ($1, 'phone', 'information', 'outbound', '2024-02-01T10:00:00Z', $2, $2)",
      [id, PERSON.interaction],
    );
    await sql(
      "insert into complaints (customer_id, title, description, step) values ($1, $2, $3, 'record')",
      [id, PERSON.complaintTitle, PERSON.complaintText],
    );
    await sql(
      "insert into bonds (customer_id, level, kind, description) values ($1, 'social', 'club', $2)",
      [id, PERSON.bond],
    );
    await sql(
      "insert into research_notes (customer_id, title, body, why_chain) values ($1, $2, $2, array[$2])",
      [id, PERSON.researchNote],
    );
    await sql(
      "insert into info_sources (customer_id, field, channel, note) values ($1, 'phone', 'conversation', $2)",
      [id, PERSON.source],
    );
    await sql("insert into interaction_plans (customer_id, name, content) values ($1, $2, $2)", [
      id,
      PERSON.interaction,
    ]);
    await sql(
      "insert into stage_events (customer_id, from_stage, to_stage, reason) values ($1, 'potential', 'new', $2)",
      [id, PERSON.stageReason],
    );
    await sql("update customers set stage = 'new' where id = $1", [id]);
    await sql(
      "insert into proposals (customer_id, from_stage, to_stage, rule, status, decision_note) values ($1, 'new', 'old', 'repeat_purchase', 'rejected', $2)",
      [id, PERSON.stageReason],
    );
    const [run] = await sql(
      "insert into score_runs (as_of, status) values ('2024-07-01T00:00:00Z', 'published') returning id",
    );
    await scorePartition(t.database.db, run.id);
    await sql(
      "insert into customer_scores (run_id, customer_id, abc_class, rfm_r, rfm_f, rfm_m, clv_cents) values ($1, $2, 'A', 5, 4, 5, 123456.5)",
      [run.id, id],
    );
    return id;
  }

  /**
   * Where any of the values appears in the customer's rows, in every table that has them
   * (found from the catalogue, so a new table is searched too), the audit log aside.
   */
  async function whereFound(customerId: number, values: string[]): Promise<string[]> {
    const tables = await sql(
      "select table_name from information_schema.columns where table_schema = 'public' and column_name = 'customer_id' and table_name <> 'audit_log'",
    );
    const sources = [
      `select t::text as line from customers t where id = $1`,
      ...tables.map(
        ({ table_name }) => `select t::text as line from "${table_name}" t where customer_id = $1`,
      ),
    ];
    const found: string[] = [];
    for (const source of sources) {
      for (const value of values) {
        const [row] = await sql(
          `select count(*)::int as n from (${source}) s where s.line like '%' || $2 || '%'`,
          [customerId, value],
        );
        if (row.n > 0) found.push(`${source.match(/from "?(\w+)"?/)![1]}: ${value}`);
      }
    }
    expect(tables.length).toBeGreaterThanOrEqual(OWNED_TABLES.length);
    return found;
  }

  /** Everything erasure must leave unchanged: counts, money, stages, scores. */
  async function aggregates(customerId: number) {
    const counts: Record<string, number> = {};
    for (const table of OWNED_TABLES) {
      counts[table] = (
        await sql(`select count(*)::int as n from ${table} where customer_id = $1`, [customerId])
      )[0].n;
    }
    return {
      counts,
      revenue: await sql(
        "select sum(amount_cents)::bigint as cents, count(*)::int as n, min(occurred_at) as first, max(occurred_at) as last from transactions where customer_id = $1",
        [customerId],
      ),
      summary: await sql(
        "select first_purchase_at, last_purchase_at, purchase_days, transaction_count, revenue_cents, cost_cents, repeat_revenue_cents from purchase_summaries where customer_id = $1",
        [customerId],
      ),
      customer: await sql(
        "select id, kind, stage, stage_since, owner_id, industry, region from customers where id = $1",
        [customerId],
      ),
      stages: await sql(
        "select from_stage, to_stage, at from stage_events where customer_id = $1 order by id",
        [customerId],
      ),
      scores: await sql(
        "select run_id, abc_class, rfm_r, rfm_f, rfm_m, clv_cents from customer_scores where customer_id = $1",
        [customerId],
      ),
      needs: await sql("select level, kind, status from needs where customer_id = $1", [
        customerId,
      ]),
      deliveries: await sql(
        "select round, status, outcome from deliveries where customer_id = $1",
        [customerId],
      ),
      complaints: await sql(
        "select step, valid, received_at from complaints where customer_id = $1",
        [customerId],
      ),
      interactions: await sql(
        "select channel, content_type, direction, occurred_at from interactions where customer_id = $1",
        [customerId],
      ),
      base: await sql(
        "select stage, count(*)::int as n from customers group by stage order by stage",
      ),
      totalRevenue: await sql("select sum(amount_cents)::bigint as cents from transactions"),
    };
  }

  describe("consents", () => {
    it("records, lists and withdraws consents with their legal basis, audited", async () => {
      const id = await registerPerson();
      const me = await t.as("manager");
      const contract = await me.request("POST", `/api/customers/${id}/consents`, {
        purpose: "账户服务通知",
        basis: "contract",
        grantedAt: "2024-01-01T00:00:00Z",
      });
      expect(contract.statusCode, contract.body).toBe(201);
      expect(contract.json()).toMatchObject({
        customerId: id,
        purpose: "账户服务通知",
        basis: "contract",
        grantedAt: "2024-01-01T00:00:00.000Z",
        withdrawnAt: null,
        recordedBy: t.users.manager,
      });

      const list = await (await t.as("analyst")).request("GET", `/api/customers/${id}/consents`);
      expect(list.statusCode).toBe(200);
      expect(
        list
          .json()
          .items.map((c: { purpose: string; basis: string }) => [c.purpose, c.basis])
          .sort(),
      ).toEqual([
        ["营销短信", "consent"],
        ["账户服务通知", "contract"],
      ]);

      const consentId = contract.json().id as number;
      const early = await me.request(
        "POST",
        `/api/customers/${id}/consents/${consentId}/withdraw`,
        { at: "2023-12-31T00:00:00Z" },
      );
      expect(early.statusCode).toBe(400);
      expect(early.json().error).toMatchObject({ id: "validation_error", field: "at" });

      const withdrawn = await me.request(
        "POST",
        `/api/customers/${id}/consents/${consentId}/withdraw`,
        { at: "2024-05-01T08:00:00+08:00" },
      );
      expect(withdrawn.statusCode, withdrawn.body).toBe(200);
      expect(withdrawn.json().withdrawnAt).toBe("2024-05-01T00:00:00.000Z");
      // Again, and with no body at all: nothing changes.
      const again = await t.app.inject({
        method: "POST",
        url: `/api/customers/${id}/consents/${consentId}/withdraw`,
        headers: { cookie: me.cookie, "x-csrf-token": me.csrfToken },
      });
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json().withdrawnAt).toBe("2024-05-01T00:00:00.000Z");

      const audit = await sql(
        "select action, entity_id, after from audit_log where entity = 'consent' and entity_id = $1 order by id",
        [String(consentId)],
      );
      expect(audit.map((a) => a.action)).toEqual(["create", "withdraw"]);
      expect(audit[1].after).toEqual({ withdrawnAt: "2024-05-01T00:00:00.000Z" });
    });

    it("refuses bad consents and callers who may not change the customer", async () => {
      const id = await registerPerson();
      const me = await t.as("manager");
      for (const [body, field] of [
        [{}, "purpose"],
        [{ purpose: "x", basis: "vibes" }, "basis"],
        [{ purpose: "x", grantedAt: "yesterday" }, "grantedAt"],
        [{ purpose: "x", extra: 1 }, "extra"],
      ] as const) {
        const response = await me.request("POST", `/api/customers/${id}/consents`, body);
        expect(response.statusCode, JSON.stringify(body)).toBe(400);
        expect(response.json().error.field).toBe(field);
      }
      expect(
        (
          await (
            await t.as("analyst")
          ).request("POST", `/api/customers/${id}/consents`, { purpose: "x" })
        ).statusCode,
      ).toBe(403);
      expect(
        (await (await t.as("outsider")).request("GET", `/api/customers/${id}/consents`)).statusCode,
      ).toBe(404);
      const unknown = await me.request("POST", `/api/customers/${id}/consents/999999/withdraw`, {});
      expect(unknown.statusCode).toBe(404);
      // A consent of another customer is not reachable through this one.
      const other = await registerPerson();
      const [foreign] = await sql("select id from consents where customer_id = $1", [other]);
      expect(
        (await me.request("POST", `/api/customers/${id}/consents/${foreign.id}/withdraw`, {}))
          .statusCode,
      ).toBe(404);
    });
  });

  describe("subject access", () => {
    it("exports everything held about a customer as one document, audited as an export", async () => {
      const id = await registerPerson();
      for (const who of ["admin", "manager"] as const) {
        const response = await (
          await t.as(who)
        ).request("GET", `/api/customers/${id}/personal-data`);
        expect(response.statusCode, response.body).toBe(200);
        const doc = response.json();
        expect(doc.complete).toBe(true);
        expect(doc.customer).toMatchObject({
          id,
          name: PERSON.name,
          phone: PERSON.phone,
          address: PERSON.address,
          family: { spouse: PERSON.spouse },
        });
        expect(doc.contacts).toEqual([
          expect.objectContaining({
            name: PERSON.contactName,
            phone: PERSON.contactPhone,
            notes: PERSON.contactNotes,
          }),
        ]);
        expect(doc.consents).toEqual([
          expect.objectContaining({ purpose: "营销短信", basis: "consent" }),
        ]);
        expect(doc.transactions.map((x: { amountCents: number }) => x.amountCents)).toEqual([
          120_000, 80_050,
        ]);
        expect(doc.purchaseSummary).toMatchObject({ revenueCents: 200_050, transactionCount: 2 });
        for (const section of [
          "needs",
          "deliveries",
          "interactions",
          "complaints",
          "bonds",
          "researchNotes",
          "infoSources",
          "interactionPlans",
          "proposals",
          "scores",
        ]) {
          expect(doc[section], section).toHaveLength(1);
        }
        expect(doc.stageHistory.map((e: { toStage: string }) => e.toStage)).toEqual([
          "potential",
          "new",
        ]);
        expect(doc.scores[0]).toMatchObject({
          abcClass: "A",
          clvCents: 123456.5,
          asOf: "2024-07-01T00:00:00.000Z",
        });
        expect(doc.interactions[0]).toMatchObject({
          summary: PERSON.interaction,
          occurredAt: "2024-02-01T10:00:00.000Z",
        });
        expect(doc.audit.map((a: { action: string }) => a.action)).toEqual(
          expect.arrayContaining(["create", "read_confidential"]),
        );
        expect(doc.audit[0]).toMatchObject({
          actorName: "manager",
          entity: "customer",
          action: "create",
        });
      }
      const exports = await sql(
        "select actor_id, after from audit_log where customer_id = $1 and action = 'export' order by id",
        [id],
      );
      expect(exports.map((e) => e.actor_id)).toEqual([t.users.admin, t.users.manager]);
      expect(exports[0].after).toEqual({ document: "personal_data", complete: true });
    });

    it("denies analysts and other teams, and leaves out what a marketing manager's grade hides", async () => {
      const id = await registerPerson();
      const analyst = await (
        await t.as("analyst")
      ).request("GET", `/api/customers/${id}/personal-data`);
      expect(analyst.statusCode).toBe(403);
      expect(analyst.body).not.toContain(PERSON.phone);
      expect(
        (await (await t.as("outsider")).request("GET", `/api/customers/${id}/personal-data`))
          .statusCode,
      ).toBe(404);
      const marketing = await (
        await t.as("marketing")
      ).request("GET", `/api/customers/${id}/personal-data`);
      expect(marketing.statusCode).toBe(200);
      expect(marketing.json().complete).toBe(false);
      expect(marketing.body).not.toContain(PERSON.phone);
      expect(marketing.body).not.toContain(PERSON.contactEmail);
      expect(marketing.json().customer.employer).toBe(PERSON.employer);
    });
  });

  describe("erasure", () => {
    it("is for admins only, and refuses a stale version", async () => {
      const id = await registerPerson();
      const { version } = (
        await (await t.as("admin")).request("GET", `/api/customers/${id}`)
      ).json();
      for (const who of ["manager", "marketing", "analyst"] as const) {
        const response = await (
          await t.as(who)
        ).request("POST", `/api/customers/${id}/erase`, { version, reason: "请求删除" });
        expect(response.statusCode, who).toBe(403);
      }
      const stale = await (
        await t.as("admin")
      ).request("POST", `/api/customers/${id}/erase`, {
        version: version - 1 || 99,
        reason: "请求删除",
      });
      expect(stale.statusCode).toBe(409);
      const noReason = await (
        await t.as("admin")
      ).request("POST", `/api/customers/${id}/erase`, { version, reason: " " });
      expect(noReason.json().error).toMatchObject({ id: "validation_error", field: "reason" });
      expect(await whereFound(id, [PERSON.phone])).not.toEqual([]);
      expect(
        (
          await sql(
            "select count(*)::int as n from audit_log where customer_id = $1 and action = 'erase'",
            [id],
          )
        )[0].n,
      ).toBe(0);
    });

    it("anonymises the person in place and keeps every count, amount, stage and score", async () => {
      const id = await registerPerson();
      expect((await whereFound(id, PERSONAL_VALUES)).length).toBeGreaterThan(
        PERSONAL_VALUES.length / 2,
      );
      const before = await aggregates(id);
      const admin = await t.as("admin");
      const { version } = (await admin.request("GET", `/api/customers/${id}`)).json();
      const erased = await admin.request("POST", `/api/customers/${id}/erase`, {
        version,
        reason: "本人来电要求删除（工单 2025-0042）",
      });
      expect(erased.statusCode, erased.body).toBe(200);
      expect(erased.json()).toMatchObject({ customerId: id, contacts: 1, consentsWithdrawn: 1 });
      expect(erased.json().cleared).toMatchObject({
        interactions: 1,
        complaints: 1,
        researchNotes: 1,
        needs: 1,
        deliveries: 1,
        bonds: 1,
        infoSources: 1,
        interactionPlans: 1,
        proposals: 1,
        stageHistory: 2,
      });

      expect(await whereFound(id, PERSONAL_VALUES)).toEqual([]);
      expect(await aggregates(id)).toEqual(before);

      const [customer] = await sql(
        "select name, phone, email, tags, family, external_ref, archived_at, stage, version from customers where id = $1",
        [id],
      );
      expect(customer).toMatchObject({
        name: `已删除客户 #${id}`,
        phone: null,
        email: null,
        tags: [],
        family: null,
        external_ref: null,
        stage: "new",
        version: version + 1,
      });
      expect(customer.archived_at).toBeInstanceOf(Date);
      const [contact] = await sql(
        "select id, name, phone, buying_role from contacts where customer_id = $1",
        [id],
      );
      expect(contact).toMatchObject({
        name: `已删除联系人 #${contact.id}`,
        phone: null,
        buying_role: "influencer",
      });
      expect(
        await sql("select reason from stage_events where customer_id = $1 order by id", [id]),
      ).toEqual([{ reason: "registered" }, { reason: "[已删除]" }]);
      expect(
        (
          await sql(
            "select count(*)::int as n from consents where customer_id = $1 and withdrawn_at is null",
            [id],
          )
        )[0].n,
      ).toBe(0);

      // The audit log keeps who erased whom and why, without the person's values.
      const search = await admin.request("GET", `/api/audit?customerId=${id}&action=erase`);
      expect(search.json().items).toEqual([
        expect.objectContaining({
          actorId: t.users.admin,
          actorName: "admin",
          entity: "customer",
          entityId: String(id),
        }),
      ]);
      const entry = search.json().items[0];
      expect(entry.after).toMatchObject({
        erasureReason: "本人来电要求删除（工单 2025-0042）",
        via: "request",
        customerFields: expect.arrayContaining(["name", "phone", "notes", "tags"]),
      });
      expect(JSON.stringify(entry)).not.toMatch(new RegExp(PERSONAL_VALUES.join("|")));

      // The customer is still there for the ladder and analytics, and reads as erased.
      const read = await admin.request("GET", `/api/customers/${id}`);
      expect(read.json()).toMatchObject({ id, name: `已删除客户 #${id}`, stage: "new" });
      expect(read.json().archivedAt).not.toBeNull();
    });

    it("leaves no personal value in the audit log", async () => {
      const id = await registerPerson();
      const admin = await t.as("admin");
      const { version } = (await admin.request("GET", `/api/customers/${id}`)).json();
      await admin.request("PATCH", `/api/customers/${id}`, {
        version,
        phone: "13900000000",
        region: "北京",
      });
      await admin.request("POST", `/api/customers/${id}/erase`, {
        version: version + 1,
        reason: "request",
      });
      const rows = await sql("select entity, before, after from audit_log where customer_id = $1", [
        id,
      ]);
      const redacted = rows.map((r) => JSON.stringify([r.before, r.after]));
      expect(redacted.join("\n")).not.toMatch(
        new RegExp([...PERSONAL_VALUES, "13900000000"].join("|")),
      );
      // What is not personal stays readable: the change of region, and the erasure's reason.
      expect(redacted.join("\n")).toContain("北京");
      expect(redacted.join("\n")).toContain('"erasureReason":"request"');
    });
  });
});
