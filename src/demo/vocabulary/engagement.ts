/**
 * Words for the working records of the relationship: interactions (SPEC §10), complaints and
 * their handling, delivery media and evidence (SPEC §5), loyalty bonds (SPEC §9) and research
 * notes with their means-end chains (SPEC §3, §6).
 */

/** Interaction summaries by content type: information, emotion, opinions and suggestions. */
export const INTERACTION_SUMMARIES = {
  information: [
    "介绍新版平台功能，对方对能耗模块感兴趣",
    "发送产品资料和报价单",
    "沟通下季度采购计划和交期",
    "确认设备巡检时间安排",
    "讲解设备健康月报的解读方法",
    "通知系统升级计划及影响",
  ],
  emotion: [
    "节日问候，寄送茶叶礼盒",
    "祝贺对方新厂区落成",
    "对方负责人生日，发送祝福",
    "陪同客户参观标杆工厂，交流融洽",
    "年终答谢会，对方高层出席",
  ],
  opinion: [
    "客户建议报表增加按班组统计",
    "客户反映安装时间安排不够灵活",
    "客户提出希望延长质保期",
    "收集对售后响应速度的意见",
    "客户建议增加手机端审批功能",
  ],
} as const;

export const INTERACTION_OUTCOMES = [
  "对方认可，约定下次沟通",
  "需进一步报价",
  "已记录需求，转技术部评估",
  "反馈良好",
  "对方暂无新需求",
  "问题已当场解决",
] as const;

/** Complaint texts by cause (SPEC §10): company causes first, then customer causes. */
export const COMPLAINTS = {
  product: {
    title: "传感器读数漂移",
    description: "新装的一批传感器运行两周后读数漂移，导致误报停机。",
    keyPoints: "同批次12个传感器漂移超过0.5%；影响2号产线",
    solution: "整批更换并免费延长质保一年，技术顾问现场校准",
    followUp: "两周后回访，读数稳定，客户确认问题解决",
  },
  service: {
    title: "报修后到场超时",
    description: "周末报修后过了9小时工程师才到场，超出4小时承诺。",
    keyPoints: "承诺4小时，实际9小时；周末值班人员不足",
    solution: "补偿一次免费巡检，调整周末值班表",
    followUp: "回访确认新值班安排，客户表示满意",
  },
  staff: {
    title: "工程师态度生硬",
    description: "现场工程师对客户操作人员的提问不耐烦。",
    keyPoints: "涉及一名新入职工程师；客户操作人员投诉",
    solution: "更换服务工程师，内部开展服务礼仪培训",
    followUp: "一个月后回访，客户对新工程师评价良好",
  },
  environment: {
    title: "培训场地安排不当",
    description: "现场培训安排在嘈杂车间，学员听不清讲解。",
    keyPoints: "培训效果差；客户要求重新安排",
    solution: "改到我方培训中心重新培训，提供接送",
    followUp: "重新培训后考核通过率95%",
  },
  misuse: {
    title: "设备频繁报警",
    description: "客户反映网关频繁报警，怀疑产品质量问题。",
    keyPoints: "经查为客户自行修改阈值参数导致；投诉不成立",
    solution: "协助恢复参数并对操作人员进行培训",
    followUp: "一周后回访，报警恢复正常",
    explanation: "经核实为客户自行修改参数所致，已向客户说明并安排操作培训",
  },
  expectation: {
    title: "节能效果未达预期",
    description: "客户认为上线三个月节能不到5%，低于其预期的20%。",
    keyPoints: "合同约定8%–12%；客户预期偏高；部分措施尚未执行",
    solution: "共同复盘能耗数据，制定剩余节能措施执行计划",
    followUp: "半年后节能达到11%，客户认可",
    explanation: "合同约定节能8%–12%，已向客户解释效果随措施落地逐步显现",
  },
} as const;
export type ComplaintCause = keyof typeof COMPLAINTS;

/** Loyalty bonds by level (SPEC §9). */
export const BONDS = {
  financial: [
    { kind: "采购返利", description: "年度采购额达标返利3%" },
    { kind: "会员积分", description: "消费积分可兑换服务和备件" },
    { kind: "满意保证", description: "效果不达标无条件退换" },
  ],
  social: [
    { kind: "客户俱乐部", description: "加入行业客户俱乐部，参加季度交流会" },
    { kind: "VIP专属服务", description: "专属客户经理与绿色服务通道" },
    { kind: "高层互访", description: "每年至少一次高层互访" },
  ],
  structural: [
    { kind: "系统深度集成", description: "平台与客户MES/ERP系统深度对接" },
    { kind: "联合研发", description: "依托我方研发平台共同开发定制产品" },
    { kind: "驻厂技术服务", description: "我方工程师常驻客户现场" },
  ],
} as const;

export const DELIVERY_MEDIA = {
  organization: [
    "上门拜访",
    "技术交流会",
    "电话沟通",
    "微信",
    "电子邮件",
    "标杆工厂参观",
    "线上直播",
    "行业展会",
    "客户培训",
  ],
  individual: ["上门服务", "电话沟通", "微信", "短信", "门店体验", "线上直播", "会员活动"],
} as const;
export const DELIVERY_EVIDENCE = {
  accepted: [
    "客户书面确认方案并下单",
    "客户主动介绍给兄弟单位",
    "客户在交流会上分享使用效果",
    "客户同意扩大合作范围",
  ],
  partly: ["客户认可部分内容，其余需内部讨论", "客户接受服务但对价格有保留", "试用后提出修改意见"],
  rejected: ["客户表示暂不需要", "客户认为与当前需求不匹配", "客户选择了竞争对手方案"],
} as const;

/** Research notes: market research and means-end questioning (keep asking why). */
export const RESEARCH_NOTES = [
  {
    title: "采购负责人访谈：为什么要升级监测系统",
    body: "与采购经理和设备主管深入访谈，追问升级监测系统的真实原因。",
    whyChain: [
      "想升级监测系统",
      "现有系统误报多",
      "误报导致停机影响交期",
      "交期延误会丢失核心大客户",
      "保住核心客户是今年的经营目标",
    ],
    method: "interview",
  },
  {
    title: "现场观察：设备维护方式",
    body: "在客户车间观察一周，发现设备维护以事后维修为主，缺少预防性维护计划。",
    whyChain: ["维修成本高", "故障后才处理", "没有设备健康数据", "缺少预测性维护手段"],
    method: "observation",
  },
  {
    title: "满意度问卷分析",
    body: "回收问卷显示客户对响应速度满意，对报表易用性评价一般。",
    whyChain: ["报表用得少", "报表不符合班组管理习惯", "需要按班组统计"],
    method: "questionnaire",
  },
  {
    title: "投诉背后的需求",
    body: "客户多次投诉价格高，进一步沟通发现真正关心的是总拥有成本和付款周期。",
    whyChain: ["嫌价格高", "预算被压缩", "资金周转紧张", "希望延长付款周期并看到投资回报"],
    method: "complaint",
  },
  {
    title: "客户俱乐部座谈纪要",
    body: "俱乐部成员普遍关注节能减排政策和绿色工厂认证。",
    whyChain: ["关注节能", "集团下达减排指标", "绿色工厂认证可获得政策支持"],
    method: "club",
  },
] as const;

export const INFO_SOURCE_NOTES = {
  conversation: "客户经理拜访时了解",
  marketing_event: "展会/交流会现场登记",
  after_sales: "售后服务过程中获知",
  website: "官网在线留资",
  publication: "行业期刊与企业年报",
  consultancy_report: "购买的行业咨询报告",
} as const;

export const CUSTOMER_NOTES = [
  "春节前需提前备货",
  "对方财务流程较长，发票需提前开具",
  "采购决策需集团审批",
  "对方老板重视面对面沟通",
  "周一上午不便拜访",
  "偏好微信沟通",
  "每年三月做预算",
] as const;
