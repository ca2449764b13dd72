/**
 * The catalogue-like data every demo has regardless of size: the value catalogue, saved
 * segments with their decisions and marketing modes (SPEC §6), the common needs research found
 * in those segments, segment research notes and interaction plans (SPEC §10).
 */
import type { DemoIds } from "./ids.js";
import type { Row } from "./rows.js";
import type { StaffPlan } from "./staff.js";
import { days, isoTime } from "./time.js";
import { VALUE_CATALOGUE } from "./vocabulary/valueCatalogue.js";

export interface ReferenceData {
  readonly valueItems: Row[];
  readonly segments: Row[];
  readonly interactionPlans: Row[];
  /** Needs found for a segment as a whole. */
  readonly segmentNeeds: Row[];
  readonly segmentResearchNotes: Row[];
  /** Who each interaction plan addresses, for linking customers' interactions to it. */
  readonly planScopes: PlanScope[];
}

/** An interaction plan as customer stories see it: its segment's filter, channel and period. */
export interface PlanScope {
  readonly id: number;
  readonly definition: Readonly<Record<string, readonly string[]>>;
  readonly channel: string;
  readonly startsAt: number;
  readonly endsAt: number;
}

/** A value item as the demo refers to it when choosing what to deliver. */
export interface CatalogueEntry {
  readonly id: number;
  readonly title: string;
  readonly kind: string;
  /** The FABE benefit, which is what a delivery puts in front of the customer. */
  readonly benefit: string;
  readonly stages: readonly string[];
  readonly needKinds: readonly string[];
  readonly forIndividuals: boolean;
  readonly active: boolean;
}

/** The catalogue with the ids the demo gives it (1, 2, 3 … in catalogue order). */
export const DEMO_CATALOGUE: readonly CatalogueEntry[] = VALUE_CATALOGUE.map((item, index) => ({
  id: index + 1,
  title: item.title,
  kind: item.kind,
  benefit: item.fabe[2],
  stages: item.stages,
  needKinds: item.needKinds,
  forIndividuals: item.forIndividuals ?? false,
  active: item.active ?? true,
}));

interface SegmentSource {
  name: string;
  description: string;
  /** The customer filter the segment saves (field → accepted values). */
  definition: Record<string, readonly string[]>;
  decision: "pursue" | "maintain" | "give_up";
  decisionReason: string;
  marketingMode: "mass" | "frequency" | "customised";
  need?: { level: string; kind: string; title: string; why: string };
  research?: { title: string; body: string; method: string };
  plan?: {
    name: string;
    object: string;
    goals: string[];
    content: string;
    channel: string;
    frequencyDays: number;
  };
}

const SEGMENTS: readonly SegmentSource[] = [
  {
    name: "长三角汽车零部件中大型企业",
    description: "上海、江苏、浙江的中型及以上汽车零部件制造商",
    definition: {
      industry: ["汽车零部件"],
      region: ["上海市", "江苏省", "浙江省"],
      scale: ["medium", "large", "enterprise"],
    },
    decision: "pursue",
    decisionReason: "质量追溯需求强、采购规模大，我方传感器精度与服务网点优势明显",
    marketingMode: "customised",
    need: {
      level: "core",
      kind: "quality",
      title: "零缺陷供货与全程追溯",
      why: "主机厂要求供应链质量可追溯",
    },
    research: {
      title: "长三角汽车零部件行业调研",
      body: "走访32家企业：质量追溯与设备联网是共同需求，差异在于预算和信息化基础。",
      method: "interview",
    },
    plan: {
      name: "汽车零部件客户技术交流计划",
      object: "已成交的老客户和核心客户，处于成长期和成熟期",
      goals: ["每季度一次技术交流会", "一年内交叉销售能源管理系统10套"],
      content: "行业质量追溯最佳实践与新品介绍",
      channel: "event",
      frequencyDays: 90,
    },
  },
  {
    name: "珠三角电子信息中小企业",
    description: "广东省中小型电子信息制造企业",
    definition: { industry: ["电子信息"], region: ["广东省"], scale: ["small", "medium"] },
    decision: "pursue",
    decisionReason: "数量多、复购频繁，适合标准化产品加积分奖励",
    marketingMode: "frequency",
    need: {
      level: "additional",
      kind: "benefit",
      title: "小批量多批次采购的价格优惠",
      why: "订单波动大，单次采购量小",
    },
  },
  {
    name: "核心与战略客户",
    description: "处于核心客户和战略合作者阶段的全部客户",
    definition: { stage: ["core", "strategic"] },
    decision: "maintain",
    decisionReason: "贡献大部分利润，需全面满足核心需求并尽量满足附加需求",
    marketingMode: "customised",
    need: {
      level: "potential",
      kind: "brand",
      title: "共同打造行业标杆项目",
      why: "双方都希望提升行业影响力",
    },
    plan: {
      name: "核心客户高层互访计划",
      object: "核心客户与战略合作者，处于成熟期",
      goals: ["每半年一次高层互访", "续约率保持95%以上"],
      content: "合作回顾、下一年度规划与联合项目",
      channel: "face_to_face",
      frequencyDays: 180,
    },
  },
  {
    name: "价格敏感的微型企业",
    description: "规模为微型且标记为价格敏感的客户",
    definition: { scale: ["micro"], tag: ["价格敏感"] },
    decision: "give_up",
    decisionReason: "服务成本高于收益，转由经销商覆盖",
    marketingMode: "mass",
  },
  {
    name: "家庭智能安防个人客户",
    description: "购买家用产品的个人客户",
    definition: { kind: ["individual"] },
    decision: "maintain",
    decisionReason: "复购和转介绍稳定，会员体系成本低",
    marketingMode: "frequency",
    need: {
      level: "additional",
      kind: "emotional",
      title: "家人也被关照",
      why: "个人客户重视家庭",
    },
    plan: {
      name: "个人会员关怀计划",
      object: "个人老客户，处于成长期",
      goals: ["会员生日关怀覆盖率100%", "年复购率提升5个百分点"],
      content: "生日与节日问候、积分兑换提醒",
      channel: "messaging",
      frequencyDays: 30,
    },
  },
  {
    name: "医疗与公用事业单位",
    description: "医院、学校、水务燃气等公利客户",
    definition: { industry: ["医疗卫生", "教育", "公用事业", "公共管理", "交通运输"] },
    decision: "pursue",
    decisionReason: "采购规范、回款稳定，数据安全合规是我方独有优势",
    marketingMode: "customised",
    research: {
      title: "公共机构采购流程调研",
      body: "公共机构以公开招标为主，重视合规资质与本地化服务。",
      method: "consultancy_report",
    },
  },
  {
    name: "新能源行业潜在与目标客户",
    description: "新能源行业尚未成交的客户",
    definition: { industry: ["新能源"], stage: ["potential", "target"] },
    decision: "pursue",
    decisionReason: "行业高速增长，储能与光伏工厂新建项目多",
    marketingMode: "mass",
    plan: {
      name: "新能源行业品牌推广计划",
      object: "潜在客户与目标客户，处于获取期",
      goals: ["半年内转化目标客户30家"],
      content: "标杆案例宣传与行业白皮书",
      channel: "media",
      frequencyDays: 30,
    },
  },
];

/** Builds the reference data; needs and notes take ids from `ids` before any customer does. */
export function buildReferenceData(staff: StaffPlan, ids: DemoIds, asOf: number): ReferenceData {
  const longAgo = isoTime(asOf - days(6 * 365));
  const valueItems: Row[] = VALUE_CATALOGUE.map((item, index) => ({
    id: index + 1,
    title: item.title,
    scope: item.scope,
    kind: item.kind,
    statement: item.statement,
    evidence: item.evidence,
    lifecycle: item.lifecycle,
    competitors_lacking: item.lacking,
    competitors_having: item.having,
    fabe_feature: item.fabe[0],
    fabe_advantage: item.fabe[1],
    fabe_benefit: item.fabe[2],
    fabe_evidence: item.fabe[3],
    dimensions: item.dimensions,
    stages: item.stages,
    need_kinds: item.needKinds,
    active: item.active ?? true,
    created_at: longAgo,
  }));

  const segments: Row[] = [];
  const interactionPlans: Row[] = [];
  const segmentNeeds: Row[] = [];
  const segmentResearchNotes: Row[] = [];
  const planScopes: PlanScope[] = [];
  SEGMENTS.forEach((source, index) => {
    const id = index + 1;
    const createdAt = isoTime(asOf - days(400 - index * 40));
    segments.push({
      id,
      name: source.name,
      description: source.description,
      definition: source.definition,
      decision: source.decision,
      decision_reason: source.decisionReason,
      marketing_mode: source.marketingMode,
      shared: true,
      owner_id: staff.marketingManagerId,
      created_at: createdAt,
    });
    if (source.need) {
      segmentNeeds.push({
        id: ids.next("needs"),
        customer_id: null,
        segment_id: id,
        level: source.need.level,
        kind: source.need.kind,
        human_level: null,
        title: source.need.title,
        what: null,
        when_needed: null,
        where_needed: null,
        why: source.need.why,
        how_many: null,
        price: null,
        payment: null,
        frequency: null,
        status: "being_met",
        source: "research",
        evidence: "细分市场调研",
        met_at: null,
        created_by: staff.marketingManagerId,
        created_at: createdAt,
        updated_at: createdAt,
      });
    }
    if (source.research) {
      segmentResearchNotes.push({
        id: ids.next("research_notes"),
        customer_id: null,
        segment_id: id,
        need_id: null,
        method: source.research.method,
        channel:
          source.research.method === "consultancy_report" ? "consultancy_report" : "conversation",
        info_type: "market",
        title: source.research.title,
        body: source.research.body,
        why_chain: [],
        author_id: staff.analystId,
        created_at: createdAt,
      });
    }
    if (source.plan) {
      const starts = asOf - days(300 - index * 20);
      planScopes.push({
        id: interactionPlans.length + 1,
        definition: source.definition,
        channel: source.plan.channel,
        startsAt: starts,
        endsAt: starts + days(365),
      });
      interactionPlans.push({
        id: interactionPlans.length + 1,
        name: source.plan.name,
        customer_id: null,
        segment_id: id,
        object: source.plan.object,
        goals: source.plan.goals.map((text, goal) => ({
          text,
          due: isoTime(starts + days(180 + goal * 90)).slice(0, 10),
          met: goal === 0,
        })),
        content: source.plan.content,
        channel: source.plan.channel,
        frequency_days: source.plan.frequencyDays,
        starts_on: isoTime(starts).slice(0, 10),
        ends_on: isoTime(starts + days(365)).slice(0, 10),
        evaluation: "首期目标已达成，参与客户反馈积极；发现部分客户更关注付款条件",
        status: "active",
        owner_id: staff.marketingManagerId,
        created_at: isoTime(starts),
      });
    }
  });
  return { valueItems, segments, interactionPlans, segmentNeeds, segmentResearchNotes, planScopes };
}
