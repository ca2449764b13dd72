/**
 * The columns an import file may have, per kind, and how a header names them. A header matches
 * a field by its English name in camelCase or snake_case (any case, spaces ignored, a trailing
 * unit in brackets like "金额（元）" ignored) or by one of its Chinese aliases. Exports write
 * the same names (English, or the first Chinese alias with `headers=zh`), so an export imports
 * back unchanged.
 */
import type { ImportKind } from "./imports.schema.js";

export interface FieldSpec {
  /** The field's name in the API (camelCase). */
  field: string;
  /** The Chinese header exports write; also accepted on import. */
  zh: string;
  /** More accepted headers, English or Chinese. */
  aliases?: readonly string[];
  required?: boolean;
}

const f = (field: string, zh: string, aliases: string[] = [], required = false): FieldSpec => ({
  field,
  zh,
  aliases,
  required,
});

/** Customer columns (see CreateCustomerSchema); `ownerEmail` names the owner by login email. */
export const CUSTOMER_FIELDS: readonly FieldSpec[] = [
  f("externalRef", "客户编号", [
    "ref",
    "customerRef",
    "code",
    "customerCode",
    "客户编码",
    "客户代码",
    "编号",
    "外部编号",
  ]),
  f("kind", "客户类别", ["type", "customerKind", "客户类型", "类别", "类型"], true),
  f("name", "客户名称", ["customerName", "名称", "客户名", "公司名称", "姓名"], true),
  f("purpose", "客户用途", ["customerPurpose", "用途", "客户性质"]),
  f("ownerEmail", "客户经理", ["owner", "accountManager", "客户经理邮箱", "负责人"]),
  f("ownerId", "客户经理编号"),
  f("stage", "客户阶段", ["阶段"]),
  f("phone", "电话", ["telephone", "mobile", "联系电话", "手机", "手机号"]),
  f("email", "邮箱", ["电子邮箱", "电子邮件", "邮件"]),
  f("address", "地址", ["联系地址", "通讯地址"]),
  f("website", "网站", ["网址", "url"]),
  f("industry", "行业", ["所属行业"]),
  f("region", "地区", ["区域", "所在地区", "省份"]),
  f("scale", "规模", ["企业规模"]),
  f("products", "购买产品", ["产品"]),
  f("positioning", "产品定位", ["定位"]),
  f("managementModel", "管理模式"),
  f("marketingModel", "营销模式"),
  f("orgStructure", "组织结构", ["organisationStructure", "organizationStructure"]),
  f("tags", "标签"),
  f("foundedOn", "成立日期", ["founded", "成立时间"]),
  f("employees", "员工人数", ["员工数"]),
  f("revenueBand", "营收规模", ["营业额", "收入规模"]),
  f("businessPhilosophy", "经营理念"),
  f("serviceArea", "销售服务区域", ["salesArea", "销售区域", "服务区域"]),
  f("reputation", "形象与信誉", ["信誉", "企业形象"]),
  f("salesAbility", "销售能力"),
  f("businessResults", "经营业绩", ["业绩"]),
  f("growthPotential", "发展潜力"),
  f("strengths", "优势"),
  f("problems", "问题"),
  f("tradeTerms", "交易条件"),
  f("creditGrade", "信用等级"),
  f("closeness", "关系亲密度", ["亲密度"]),
  f("willingness", "合作意愿"),
  f("gender", "性别"),
  f("birthDate", "出生日期", ["birthday", "生日"]),
  f("personality", "性格", ["个性"]),
  f("maritalStatus", "婚姻状况"),
  f("family", "家庭"),
  f("employer", "工作单位", ["单位"]),
  f("position", "职位", ["职务"]),
  f("incomeBand", "收入水平", ["收入"]),
  f("buyingMotives", "购买动机"),
  f("lifestyle", "生活方式"),
  f("beliefs", "信念"),
  f("categorySpend", "品类年支出", ["品类支出"]),
  f("notes", "备注"),
];

/** Contact columns (see CreateContactSchema), tied to their customer by its external reference. */
export const CONTACT_FIELDS: readonly FieldSpec[] = [
  f("customerRef", "客户编号", ["customerExternalRef", "客户编码", "客户代码"], true),
  f("name", "联系人", ["contactName", "姓名", "联系人姓名"], true),
  f("title", "职务", ["jobTitle", "职位", "头衔"]),
  f("buyingRole", "采购角色", ["role", "购买角色", "角色"]),
  f("isKey", "关键人", ["key", "keyPerson", "是否关键人"]),
  f("phone", "电话", ["telephone", "mobile", "联系电话", "手机", "手机号"]),
  f("email", "邮箱", ["电子邮箱", "电子邮件", "邮件"]),
  f("birthDate", "出生日期", ["birthday", "生日"]),
  f("personality", "性格", ["个性"]),
  f("interests", "兴趣爱好", ["hobbies", "兴趣", "爱好"]),
  f("notes", "备注"),
];

/** Transaction columns: customer_ref,occurred_at,amount,cost,quantity,product,channel[,external_ref]. */
export const TRANSACTION_FIELDS: readonly FieldSpec[] = [
  f("customerRef", "客户编号", ["customerExternalRef", "客户编码", "客户代码"], true),
  f(
    "occurredAt",
    "交易时间",
    ["date", "time", "occurred", "交易日期", "日期", "时间", "发生时间", "购买时间"],
    true,
  ),
  f("amount", "金额", ["revenue", "交易金额", "销售额", "收入"], true),
  f("cost", "成本", ["服务成本"]),
  f("quantity", "数量", ["qty"]),
  f("product", "产品", ["item", "商品", "产品名称"]),
  f("channel", "渠道", ["销售渠道", "购买渠道"]),
  f("externalRef", "交易编号", [
    "transactionRef",
    "orderNo",
    "orderNumber",
    "订单号",
    "单号",
    "流水号",
  ]),
];

export const IMPORT_FIELDS: Record<ImportKind, readonly FieldSpec[]> = {
  customers: CUSTOMER_FIELDS,
  contacts: CONTACT_FIELDS,
  transactions: TRANSACTION_FIELDS,
};

/** The comparable form of a header: NFKC, lower case, no spaces/underscores/dashes, no unit suffix. */
export function normaliseHeader(header: string): string {
  return header
    .normalize("NFKC")
    .trim()
    .replace(/\s*\([^)]*\)$/, "")
    .toLowerCase()
    .replace(/[\s_\-.:*]/g, "");
}

export class HeaderError extends Error {}

export interface HeaderMapping {
  /** For each column of the file, the field it fills, or null when ignored. */
  columns: (string | null)[];
  /** Which header went to which field, in file order. */
  mapped: { header: string; field: string }[];
  /** Headers that match no field: their columns are not imported. */
  ignored: string[];
}

const lookupTables = new Map<ImportKind, Map<string, string>>();

function lookup(kind: ImportKind): Map<string, string> {
  let table = lookupTables.get(kind);
  if (!table) {
    table = new Map();
    for (const spec of IMPORT_FIELDS[kind]) {
      for (const name of [spec.field, spec.zh, ...(spec.aliases ?? [])])
        table.set(normaliseHeader(name), spec.field);
    }
    lookupTables.set(kind, table);
  }
  return table;
}

/** Maps a file's header row to fields; throws HeaderError when a required column is missing or one is doubled. */
export function mapHeader(kind: ImportKind, headers: readonly string[]): HeaderMapping {
  const table = lookup(kind);
  const columns: (string | null)[] = [];
  const mapped: HeaderMapping["mapped"] = [];
  const ignored: string[] = [];
  const seen = new Map<string, string>();
  for (const header of headers) {
    const field = header.trim() === "" ? undefined : table.get(normaliseHeader(header));
    if (!field) {
      if (header.trim() !== "") ignored.push(header);
      columns.push(null);
      continue;
    }
    const earlier = seen.get(field);
    if (earlier !== undefined)
      throw new HeaderError(`columns "${earlier}" and "${header}" both mean ${field}`);
    seen.set(field, header);
    columns.push(field);
    mapped.push({ header, field });
  }
  const missing = IMPORT_FIELDS[kind].filter((spec) => spec.required && !seen.has(spec.field));
  if (missing.length) {
    throw new HeaderError(
      `missing required column${missing.length > 1 ? "s" : ""} ${missing.map((s) => `${s.field} (${s.zh})`).join(", ")}`,
    );
  }
  return { columns, mapped, ignored };
}
