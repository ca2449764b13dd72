/**
 * What the demo company sells and to whom: our product line, the industries of organisation
 * customers (with the words their names are made of), and name parts for plausible Chinese
 * company names such as 苏州华锐精工机械有限公司.
 */

/** Our products. Organisation customers buy the industrial line, individuals the home line. */
export interface Product {
  readonly name: string;
  /** Typical unit price in yuan, to turn an amount into a quantity. */
  readonly unitPrice: number;
  readonly line: "industrial" | "home";
}

export const PRODUCTS: readonly Product[] = [
  { name: "智能传感器", unitPrice: 800, line: "industrial" },
  { name: "工业网关", unitPrice: 4_500, line: "industrial" },
  { name: "PLC控制模块", unitPrice: 6_000, line: "industrial" },
  { name: "能源管理系统", unitPrice: 120_000, line: "industrial" },
  { name: "设备远程运维服务", unitPrice: 18_000, line: "industrial" },
  { name: "数据采集平台订阅", unitPrice: 36_000, line: "industrial" },
  { name: "安全生产监测系统", unitPrice: 85_000, line: "industrial" },
  { name: "备品备件", unitPrice: 300, line: "industrial" },
  { name: "定制开发服务", unitPrice: 50_000, line: "industrial" },
  { name: "技术培训", unitPrice: 8_000, line: "industrial" },
  { name: "智能门锁", unitPrice: 1_999, line: "home" },
  { name: "家庭安防套装", unitPrice: 2_699, line: "home" },
  { name: "智能插座", unitPrice: 99, line: "home" },
  { name: "家庭能源监测仪", unitPrice: 599, line: "home" },
  { name: "延保服务", unitPrice: 299, line: "home" },
];
export const INDUSTRIAL_PRODUCTS = PRODUCTS.filter((p) => p.line === "industrial");
export const HOME_PRODUCTS = PRODUCTS.filter((p) => p.line === "home");

export interface Industry {
  readonly name: string;
  /** Words that end a company name in this industry, before the legal suffix. */
  readonly nameWords: readonly string[];
  /** A short latin slug for web and e-mail domains. */
  readonly slug: string;
  /** Relative number of customers in this industry. */
  readonly weight: number;
}

export const INDUSTRIES: readonly Industry[] = [
  { name: "汽车零部件", nameWords: ["汽车部件", "汽配", "精工"], slug: "auto", weight: 10 },
  { name: "电子信息", nameWords: ["电子", "微电子", "光电科技"], slug: "tech", weight: 10 },
  { name: "机械制造", nameWords: ["机械", "重工", "装备制造"], slug: "machinery", weight: 12 },
  { name: "化工新材料", nameWords: ["化工", "新材料", "精细化工"], slug: "chem", weight: 7 },
  { name: "食品饮料", nameWords: ["食品", "饮品", "乳业"], slug: "food", weight: 7 },
  { name: "纺织服装", nameWords: ["纺织", "服饰", "印染"], slug: "textile", weight: 5 },
  { name: "医药制造", nameWords: ["医药", "生物制药", "药业"], slug: "pharma", weight: 5 },
  { name: "新能源", nameWords: ["新能源", "光伏", "储能科技"], slug: "energy", weight: 6 },
  { name: "建筑建材", nameWords: ["建材", "建设工程", "水泥"], slug: "build", weight: 6 },
  { name: "物流仓储", nameWords: ["物流", "供应链", "仓储"], slug: "logistics", weight: 5 },
  { name: "家电制造", nameWords: ["电器", "家电", "智能家居"], slug: "appliance", weight: 5 },
  { name: "钢铁冶金", nameWords: ["钢铁", "金属制品", "特钢"], slug: "steel", weight: 4 },
  { name: "商贸流通", nameWords: ["商贸", "机电设备", "贸易"], slug: "trade", weight: 6 },
  { name: "系统集成", nameWords: ["自动化", "智能系统", "信息技术"], slug: "si", weight: 5 },
];

/** Industries of public-interest customers (公利客户), named as institutions, not companies. */
export const PUBLIC_INSTITUTIONS = [
  {
    industry: "医疗卫生",
    pattern: (city: string, n: string) => `${city}市第${n}人民医院`,
    slug: "hospital",
  },
  { industry: "教育", pattern: (city: string) => `${city}职业技术学院`, slug: "edu" },
  { industry: "公用事业", pattern: (city: string) => `${city}市自来水有限公司`, slug: "water" },
  { industry: "公用事业", pattern: (city: string) => `${city}燃气集团有限公司`, slug: "gas" },
  { industry: "公共管理", pattern: (city: string) => `${city}市城市管理局`, slug: "gov" },
  { industry: "交通运输", pattern: (city: string) => `${city}地铁运营有限公司`, slug: "metro" },
] as const;
export const CHINESE_ORDINALS = ["一", "二", "三", "四", "五", "六", "七", "八"] as const;

/** Auspicious characters for brand names, with pinyin; two of them make a brand (华锐, 恒信 …). */
export const BRAND_CHARACTERS: readonly (readonly [string, string])[] = [
  ["华", "hua"],
  ["锐", "rui"],
  ["恒", "heng"],
  ["信", "xin"],
  ["宏", "hong"],
  ["达", "da"],
  ["远", "yuan"],
  ["航", "hang"],
  ["鼎", "ding"],
  ["盛", "sheng"],
  ["金", "jin"],
  ["鹏", "peng"],
  ["瑞", "rui"],
  ["丰", "feng"],
  ["天", "tian"],
  ["成", "cheng"],
  ["中", "zhong"],
  ["科", "ke"],
  ["新", "xin"],
  ["阳", "yang"],
  ["永", "yong"],
  ["泰", "tai"],
  ["博", "bo"],
  ["汇", "hui"],
  ["通", "tong"],
  ["联", "lian"],
  ["创", "chuang"],
  ["威", "wei"],
  ["嘉", "jia"],
  ["德", "de"],
  ["立", "li"],
  ["昌", "chang"],
  ["隆", "long"],
  ["兴", "xing"],
  ["力", "li"],
  ["精", "jing"],
  ["诚", "cheng"],
  ["凯", "kai"],
  ["晟", "sheng"],
  ["龙", "long"],
  ["海", "hai"],
  ["东", "dong"],
  ["南", "nan"],
  ["光", "guang"],
  ["明", "ming"],
  ["富", "fu"],
  ["安", "an"],
  ["佳", "jia"],
  ["捷", "jie"],
  ["宇", "yu"],
  ["辰", "chen"],
  ["和", "he"],
  ["正", "zheng"],
  ["亿", "yi"],
  ["万", "wan"],
  ["福", "fu"],
  ["润", "run"],
  ["森", "sen"],
  ["峰", "feng"],
  ["源", "yuan"],
];

/** Legal suffixes by company scale: groups and joint-stock companies are the larger ones. */
export const LEGAL_SUFFIXES = {
  micro: ["有限公司"],
  small: ["有限公司", "有限公司", "科技有限公司"],
  medium: ["有限公司", "股份有限公司", "科技有限公司"],
  large: ["股份有限公司", "集团有限公司", "有限公司"],
  enterprise: ["集团股份有限公司", "集团有限公司", "股份有限公司"],
} as const;

/** Yearly revenue bands, in the way Chinese business registers them. */
export const REVENUE_BANDS = {
  micro: "500万元以下",
  small: "500万–5000万元",
  medium: "5000万–4亿元",
  large: "4亿–20亿元",
  enterprise: "20亿元以上",
} as const;

/** Employees by scale: [min, max]. */
export const EMPLOYEE_RANGES = {
  micro: [5, 19],
  small: [20, 299],
  medium: [300, 999],
  large: [1_000, 4_999],
  enterprise: [5_000, 60_000],
} as const;

export const POSITIONINGS = ["高端", "中高端", "中端", "经济型"] as const;
/** Management models and structures by scale: a ten-person firm has no divisions. */
export const MANAGEMENT_MODELS = {
  micro: ["家族式管理", "合伙人制"],
  small: ["家族式管理", "合伙人制", "职业经理人制", "精益管理"],
  medium: ["家族式管理", "职业经理人制", "精益管理", "国有企业管理"],
  large: ["职业经理人制", "集团化管控", "国有企业管理", "精益管理"],
  enterprise: ["集团化管控", "国有企业管理", "职业经理人制"],
} as const;
export const MARKETING_MODELS = [
  "直销",
  "渠道分销",
  "项目制销售",
  "电商与直播",
  "经销加直营",
  "招投标",
] as const;
export const ORG_STRUCTURES = {
  micro: ["直线制", "扁平化"],
  small: ["直线职能制", "扁平化"],
  medium: ["直线职能制", "事业部制", "矩阵制", "扁平化"],
  large: ["事业部制", "矩阵制", "集团母子公司制"],
  enterprise: ["事业部制", "矩阵制", "集团母子公司制"],
} as const;
export const TRADE_TERMS = [
  "款到发货",
  "预付30%，验收后付清",
  "月结30天",
  "月结60天",
  "季度结算",
  "年度框架协议，按订单结算",
] as const;
/** Credit grades, best first; the larger and older the customer, the better on average. */
export const CREDIT_GRADES = ["AAA", "AA", "A", "BBB", "BB", "B", "C"] as const;
