/**
 * One row of an import file → one typed record, per kind, with the same rules as the API:
 * customers through CreateCustomerSchema, contacts through CreateContactSchema, transactions
 * by hand (a million rows through zod cost seconds) with CreateTransactionSchema's bounds.
 */
import type { z } from "zod";
import {
  CONTACT_BUYING_ROLES,
  CUSTOMER_KINDS,
  CUSTOMER_PURPOSES,
  GENDERS,
  SCALES,
  STAGES,
} from "../../shared/enums.js";
import { CreateCustomerSchema, type CreateCustomerInput } from "../../shared/schemas/customers.js";
import { CreateContactSchema, type CreateContactInput } from "../../shared/schemas/contacts.js";
import type { Actor } from "../auth/actor.js";
import {
  CellError,
  parseBoolean,
  parseCents,
  parseChoice,
  parseDate,
  parseInteger,
  parseList,
  parseTimestamp,
} from "./cells.js";

/** A problem with one field of a row (or the row as a whole when `field` is absent). */
export class FieldError extends Error {
  constructor(
    readonly field: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

/** The users an import may name as owners, by id and by lower-case email. */
export interface UserDirectory {
  byId: Map<number, ImportUser>;
  byEmail: Map<string, ImportUser>;
}
export interface ImportUser {
  id: number;
  email: string;
  teamId: number | null;
  active: boolean;
}

export interface RowContext {
  actor: Actor;
  users: UserDirectory;
}

/** Reads a cell by field name: trimmed text, or undefined when blank or absent. */
export type CellReader = (field: string) => string | undefined;

export interface CustomerRow {
  input: CreateCustomerInput & { ownerId: number };
}
export interface ContactRow {
  customerRef: string;
  input: CreateContactInput;
}
export interface TransactionRow {
  customerRef: string;
  occurredAt: Date;
  amountCents: number;
  costCents: number | null;
  quantity: number;
  product: string | null;
  channel: string | null;
  externalRef: string | null;
}

const KIND_ALIASES: Record<string, (typeof CUSTOMER_KINDS)[number]> = {
  企业: "organization",
  组织: "organization",
  机构: "organization",
  公司: "organization",
  单位: "organization",
  organisation: "organization",
  company: "organization",
  org: "organization",
  b2b: "organization",
  个人: "individual",
  个体: "individual",
  自然人: "individual",
  person: "individual",
  b2c: "individual",
};
const PURPOSE_ALIASES: Record<string, (typeof CUSTOMER_PURPOSES)[number]> = {
  消费者: "consumer",
  用户: "consumer",
  使用者: "consumer",
  工业用户: "consumer",
  消费客户: "consumer",
  user: "consumer",
  中间商: "intermediary",
  经销商: "intermediary",
  代理商: "intermediary",
  渠道商: "intermediary",
  中间客户: "intermediary",
  公利客户: "public_interest",
  公利: "public_interest",
  公益: "public_interest",
  公共机构: "public_interest",
};
const STAGE_ALIASES: Record<string, (typeof STAGES)[number]> = {
  潜在客户: "potential",
  目标客户: "target",
  新客户: "new",
  老客户: "old",
  核心客户: "core",
  战略合作者: "strategic",
  战略合作伙伴: "strategic",
  问题客户: "problem",
  退出客户: "exited",
  潜在: "potential",
  目标: "target",
  新: "new",
  老: "old",
  核心: "core",
  战略: "strategic",
  问题: "problem",
  退出: "exited",
  repeat: "old",
  partner: "strategic",
};
const SCALE_ALIASES: Record<string, (typeof SCALES)[number]> = {
  微型: "micro",
  小型: "small",
  中型: "medium",
  大型: "large",
  特大型: "enterprise",
  超大型: "enterprise",
  集团: "enterprise",
  微: "micro",
  小: "small",
  中: "medium",
  大: "large",
};
const GENDER_ALIASES: Record<string, (typeof GENDERS)[number]> = {
  男: "male",
  女: "female",
  其他: "other",
  m: "male",
  f: "female",
};
const BUYING_ROLE_ALIASES: Record<string, (typeof CONTACT_BUYING_ROLES)[number]> = {
  决策者: "decision_maker",
  决策人: "decision_maker",
  采购者: "purchaser",
  采购: "purchaser",
  采购人: "purchaser",
  影响者: "influencer",
  使用者: "user",
  用户: "user",
  把关者: "gatekeeper",
  守门人: "gatekeeper",
};

const MAX_ID = Number.MAX_SAFE_INTEGER;
const MAX_CENTS = 100_000_000_000; // CreateTransactionSchema's bound: 1,000,000,000.00

function parseJsonObject(cell: string): unknown {
  try {
    return JSON.parse(cell);
  } catch {
    throw new CellError(`"${cell.slice(0, 40)}" is not JSON (e.g. {"spouse": "王芳"})`);
  }
}

const CUSTOMER_CELLS: Record<string, { key?: string; parse: (cell: string) => unknown }> = {
  kind: { parse: (c) => parseChoice(c, CUSTOMER_KINDS, KIND_ALIASES) },
  purpose: { parse: (c) => parseChoice(c, CUSTOMER_PURPOSES, PURPOSE_ALIASES) },
  stage: { parse: (c) => parseChoice(c, STAGES, STAGE_ALIASES) },
  scale: { parse: (c) => parseChoice(c, SCALES, SCALE_ALIASES) },
  gender: { parse: (c) => parseChoice(c, GENDERS, GENDER_ALIASES) },
  products: { parse: parseList },
  tags: { parse: parseList },
  foundedOn: { parse: parseDate },
  birthDate: { parse: parseDate },
  employees: { parse: (c) => parseInteger(c, 0, 10_000_000) },
  closeness: { parse: (c) => parseInteger(c, 1, 5) },
  willingness: { parse: (c) => parseInteger(c, 1, 5) },
  ownerId: { parse: (c) => parseInteger(c, 1, MAX_ID) },
  family: { parse: parseJsonObject },
  categorySpend: {
    key: "categorySpendCents",
    parse: (c) => {
      const cents = parseCents(c);
      if (cents < 0) throw new CellError("must not be negative");
      return cents;
    },
  },
};

/** The fields a customer file may fill, besides ownerEmail (resolved to ownerId). */
const CUSTOMER_INPUT_FIELDS = Object.keys(CreateCustomerSchema.shape).filter(
  (key) => key !== "categorySpendCents",
);

function cell<T>(field: string, raw: string, parse: (cell: string) => T): T {
  try {
    return parse(raw);
  } catch (error) {
    if (error instanceof CellError) throw new FieldError(field, error.message);
    throw error;
  }
}

/** The first problem zod found, named by its field. */
function firstIssue(error: z.ZodError, rename: Record<string, string> = {}): FieldError {
  const issue = error.issues[0]!;
  const key = String(issue.path[0] ?? "");
  return new FieldError(key ? (rename[key] ?? key) : undefined, issue.message);
}

function resolveOwner(
  get: CellReader,
  input: Record<string, unknown>,
  context: RowContext,
): number {
  const { actor, users } = context;
  const email = get("ownerEmail");
  let owner: ImportUser | undefined;
  if (email !== undefined) {
    owner = users.byEmail.get(email.toLowerCase());
    if (!owner) throw new FieldError("ownerEmail", `no user ${email}`);
    if (input.ownerId !== undefined && input.ownerId !== owner.id) {
      throw new FieldError(
        "ownerId",
        `ownerId ${String(input.ownerId)} and ownerEmail ${email} name different users`,
      );
    }
  } else if (input.ownerId !== undefined) {
    owner = users.byId.get(input.ownerId as number);
    if (!owner) throw new FieldError("ownerId", `no user ${String(input.ownerId)}`);
  } else {
    return actor.id;
  }
  const field = email !== undefined ? "ownerEmail" : "ownerId";
  if (!owner.active) throw new FieldError(field, `${owner.email} is not an active user`);
  if (
    actor.role === "account_manager" &&
    owner.id !== actor.id &&
    (actor.teamId === null || owner.teamId !== actor.teamId)
  ) {
    throw new FieldError(field, "account managers may only assign customers within their own team");
  }
  return owner.id;
}

export function parseCustomerRow(get: CellReader, context: RowContext): CustomerRow {
  const input: Record<string, unknown> = {};
  for (const field of [...CUSTOMER_INPUT_FIELDS, "categorySpend"]) {
    const raw = get(field);
    if (raw === undefined) continue;
    const rule = CUSTOMER_CELLS[field];
    input[rule?.key ?? field] = rule ? cell(field, raw, rule.parse) : raw;
  }
  const ownerId = resolveOwner(get, input, context);
  const parsed = CreateCustomerSchema.safeParse(input);
  if (!parsed.success) throw firstIssue(parsed.error, { categorySpendCents: "categorySpend" });
  return { input: { ...parsed.data, ownerId } };
}

const CONTACT_CELLS: Record<string, (cell: string) => unknown> = {
  buyingRole: (c) => parseChoice(c, CONTACT_BUYING_ROLES, BUYING_ROLE_ALIASES),
  isKey: parseBoolean,
  birthDate: parseDate,
};
const CONTACT_INPUT_FIELDS = Object.keys(CreateContactSchema.shape);

function requiredRef(get: CellReader, field: string): string {
  const ref = get(field);
  if (ref === undefined) throw new FieldError(field, "is required");
  if (ref.length > 200) throw new FieldError(field, "is longer than 200 characters");
  return ref;
}

export function parseContactRow(get: CellReader): ContactRow {
  const customerRef = requiredRef(get, "customerRef");
  const input: Record<string, unknown> = {};
  for (const field of CONTACT_INPUT_FIELDS) {
    const raw = get(field);
    if (raw === undefined) continue;
    const parse = CONTACT_CELLS[field];
    input[field] = parse ? cell(field, raw, parse) : raw;
  }
  const parsed = CreateContactSchema.safeParse(input);
  if (!parsed.success) throw firstIssue(parsed.error);
  return { customerRef, input: parsed.data };
}

function optionalText(get: CellReader, field: string): string | null {
  const value = get(field);
  if (value === undefined) return null;
  if (value.length > 200) throw new FieldError(field, "is longer than 200 characters");
  return value;
}

function cents(field: string, raw: string, min: number): number {
  const value = cell(field, raw, parseCents);
  if (value < min || value > MAX_CENTS)
    throw new FieldError(field, `${raw} is outside ${min < 0 ? "±" : "0…"}1,000,000,000.00`);
  return value;
}

const parseQuantity = (text: string) => parseInteger(text, 1, 1_000_000);

export function parseTransactionRow(get: CellReader): TransactionRow {
  const customerRef = requiredRef(get, "customerRef");
  const occurred = get("occurredAt");
  if (occurred === undefined) throw new FieldError("occurredAt", "is required");
  const amount = get("amount");
  if (amount === undefined) throw new FieldError("amount", "is required");
  const cost = get("cost");
  const quantity = get("quantity");
  return {
    customerRef,
    occurredAt: cell("occurredAt", occurred, parseTimestamp),
    amountCents: cents("amount", amount, -MAX_CENTS),
    costCents: cost === undefined ? null : cents("cost", cost, 0),
    quantity: quantity === undefined ? 1 : cell("quantity", quantity, parseQuantity),
    product: optionalText(get, "product"),
    channel: optionalText(get, "channel"),
    externalRef: optionalText(get, "externalRef"),
  };
}
