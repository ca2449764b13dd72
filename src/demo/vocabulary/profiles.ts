/**
 * Phrases for the free-text profile fields of SPEC §1, as an account manager writes them.
 * They are combined per customer, so a base of a million reads varied enough.
 */

export const BUSINESS_PHILOSOPHIES = [
  "质量第一，客户至上",
  "诚信经营，合作共赢",
  "以技术创新驱动发展",
  "精益求精，追求卓越",
  "专注主业，稳健经营",
  "以人为本，持续改进",
  "做行业领先的综合服务商",
  "成本领先，规模取胜",
  "绿色制造，可持续发展",
  "快速响应客户需求",
] as const;

export const REPUTATIONS = [
  "在本地行业协会口碑良好",
  "多次获评省级守合同重信用企业",
  "品牌在区域市场知名度高",
  "行业内以交付准时著称",
  "曾有质量纠纷，近两年改善明显",
  "上市公司，信息披露规范",
  "高新技术企业，专利较多",
  "老牌企业，客户基础稳定",
  "新进入者，市场认知度一般",
] as const;

export const SALES_ABILITIES = [
  "销售团队强，渠道覆盖全国",
  "以区域销售为主，团队稳定",
  "依赖少数大客户",
  "线上渠道增长快",
  "销售能力一般，主要靠老客户复购",
] as const;
export const BUSINESS_RESULTS = [
  "近三年营收稳步增长",
  "去年营收增长超过20%",
  "利润率承压，营收持平",
  "营收下滑，正在调整产品结构",
  "扭亏为盈，现金流改善",
] as const;
export const GROWTH_POTENTIALS = [
  "高：新产线投产在即",
  "高：正在拓展海外市场",
  "中：行业平稳",
  "中：受原材料价格影响",
  "低：行业产能过剩",
] as const;

export const STRENGTHS = [
  "生产工艺成熟，良品率高",
  "研发投入大，新品迭代快",
  "成本控制能力强",
  "渠道网络完善",
  "管理层稳定，执行力强",
  "与头部客户绑定深",
  "资金实力雄厚",
  "数字化基础好",
] as const;

export const PROBLEMS = [
  "设备老化，停机损失大",
  "能耗成本偏高",
  "生产数据分散，难以统一管理",
  "安全生产压力大",
  "熟练工人流失",
  "应收账款周期长",
  "信息化系统各自为政",
  "订单波动大，排产困难",
] as const;

/** Free tags account managers put on customers. */
export const ORGANIZATION_TAGS = [
  "上市公司",
  "高新技术企业",
  "专精特新",
  "外资",
  "国企",
  "重点培育",
  "价格敏感",
  "决策链长",
  "有扩产计划",
  "年度框架客户",
  "展会获客",
  "老客户转介绍",
] as const;
/** Tags only a larger company carries: a micro firm is neither listed nor state-owned. */
const LARGER_COMPANY_TAGS = new Set(["上市公司", "国企", "外资", "决策链长"]);
const SMALL_COMPANY_TAGS = ORGANIZATION_TAGS.filter((tag) => !LARGER_COMPANY_TAGS.has(tag));

/** The tags that suit a company of this scale. */
export const tagsForScale = (scale: string): readonly string[] =>
  scale === "medium" || scale === "large" || scale === "enterprise"
    ? ORGANIZATION_TAGS
    : SMALL_COMPANY_TAGS;

export const INDIVIDUAL_TAGS = [
  "价格敏感",
  "科技爱好者",
  "有小孩",
  "新房装修",
  "会员",
  "线上活跃",
  "老客户转介绍",
  "高净值",
] as const;

export const INCOME_BANDS = [
  "5万元以下",
  "5万–10万元",
  "10万–20万元",
  "20万–50万元",
  "50万元以上",
] as const;
export const MARITAL_STATUSES = ["未婚", "已婚", "已婚", "已婚", "离异"] as const;
export const BUYING_MOTIVES = [
  "家庭安全",
  "追求便利",
  "节能省钱",
  "喜欢新科技",
  "朋友推荐",
  "看重品牌",
  "改善居住品质",
  "送给父母",
] as const;
export const LIFESTYLES = [
  "工作繁忙，常出差",
  "注重家庭生活",
  "喜欢户外运动",
  "习惯网购",
  "注重健康",
  "经常自驾出游",
  "喜欢研究数码产品",
] as const;
export const BELIEFS = [
  "相信一分钱一分货",
  "重视口碑与评价",
  "信赖老品牌",
  "注重性价比",
  "乐于尝试新事物",
  "环保理念强",
] as const;
