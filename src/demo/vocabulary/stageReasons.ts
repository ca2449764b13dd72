/** Why a customer moved on the ladder, in the words an account manager records (SPEC §2). */

export const REGISTERED_AS_POTENTIAL = [
  "展会获取名片，登记为潜在客户",
  "官网留资，需求待了解",
  "行业名录筛选，初步判断有需求",
  "老客户转介绍线索，尚未接触",
  "电话拜访获知对方有改造计划",
] as const;

export const REGISTERED_AS_TARGET = [
  "经老客户引荐，双方已初步接洽，纳入开发计划",
  "招标信息跟进，对方有明确意向，纳入开发计划",
  "主动来电咨询方案，纳入开发计划",
] as const;

export const POTENTIAL_TO_TARGET = [
  "需求已初步确认，双方都有合作意愿，纳入开发计划",
  "完成首次拜访，对方认可我方品牌，进入开发计划",
  "参加我方技术交流会后主动联系",
] as const;

export const TARGET_TO_NEW = [
  "首次下单，进入试用观察期",
  "试点项目签约，开始试用产品",
  "完成首单交付，按约定条款合作",
] as const;

export const NEW_TO_OLD = [
  "试用效果达到预期，完成复购，接受合作模式",
  "复购并续签服务，认可产品价值和人员服务",
  "试用期结束，转为常规供货",
] as const;

export const OLD_TO_CORE = [
  "认同我方价值理念，主动提出深化合作",
  "连续多次复购，采购份额明显提升，不再只比价格",
  "签订年度框架协议，合作范围扩大",
] as const;

export const CORE_TO_STRATEGIC = [
  "签署战略合作协议，共建联合研发平台",
  "对方战略转型，邀请我方共同开发定制产品",
  "双方高层互访，确定长期战略伙伴关系",
] as const;

export const FELL_TO_PROBLEM_CONFLICT = {
  quality: "产品质量问题反复出现，多次投诉未能解决",
  delivery: "交付多次延迟，影响对方生产，合作受到威胁",
  price: "价格调整分歧未能达成一致，合作中断",
  service: "售后响应慢，对方表示不满并暂停新订单",
  people: "对方更换采购负责人，新负责人对合作有疑虑",
  terms: "付款条件争议未解决，订单暂停",
} as const;
export type ConflictKind = keyof typeof FELL_TO_PROBLEM_CONFLICT;
export const CONFLICT_KINDS = Object.keys(FELL_TO_PROBLEM_CONFLICT) as ConflictKind[];

export const FELL_TO_PROBLEM_INACTIVE = [
  "长期无采购，多次联系无回应",
  "半年以上未下单，了解到已转向其他供应商",
  "采购量骤减，对方表示暂无需求",
] as const;

export const RECOVERED = [
  "已查明原因（我方交付流程问题）并整改，客户恢复合作",
  "高层拜访沟通后达成谅解，恢复合作",
  "问题解决方案获认可，重新下单",
] as const;

export const RECOVERED_LOWER = [
  "问题已解决，但客户仍在观察，重新从试用合作开始",
  "合作恢复但范围缩小，需重新建立信任",
] as const;

export const RECOVERED_BY_ORDER = [
  "久未采购后重新下单，恢复正常合作",
  "客户新一轮采购启动，关系恢复",
] as const;

export const EXITED = [
  "需求已转移，双方价值不再匹配，终止合作关系，保持关怀",
  "客户业务调整，不再需要我方产品，友好结束合作",
  "多次沟通无果，终止合作，定期回访",
  "客户经营困难停产，结束合作",
] as const;

export const WON_BACK_ORDER = ["赢回后重新下单，再次进入试用合作", "重新合作的首单完成"] as const;

export const WON_BACK = [
  "客户启动新项目，重新纳入开发计划（赢回）",
  "原联系人回归采购岗位，重新接洽",
  "竞争对手服务不佳，客户主动回头",
] as const;
