/**
 * Customer needs as account managers record them (SPEC §3): per need kind, what the customer
 * wants and why, for organisations and for households, with the human-needs level that fits.
 */
import type { NeedKind } from "../../shared/enums.js";

export interface NeedTemplate {
  readonly title: string;
  readonly what: string;
  readonly why: string;
  readonly humanLevel: string;
}

const need = (title: string, what: string, why: string, humanLevel: string): NeedTemplate => ({
  title,
  what,
  why,
  humanLevel,
});

export const ORGANIZATION_NEEDS: Record<NeedKind, readonly NeedTemplate[]> = {
  quality: [
    need(
      "监测数据准确稳定",
      "传感器测量误差不超过±0.2%",
      "误报导致产线频繁停机，影响交期",
      "safety",
    ),
    need(
      "设备故障率降低",
      "关键设备年故障次数降到2次以内",
      "去年两次重大停机损失超过百万元",
      "safety",
    ),
    need(
      "产品通过客户审核",
      "配合通过其终端客户的供应商质量审核",
      "终端大客户要求供应链全面可追溯",
      "esteem",
    ),
    need("系统长期稳定运行", "平台全年可用率99.9%以上", "夜班无人值守，系统必须可靠", "safety"),
  ],
  service: [
    need("故障快速响应", "报修后4小时内到场，24小时内恢复", "生产线停一小时损失数万元", "safety"),
    need(
      "定期巡检保养",
      "每季度一次现场巡检并出具报告",
      "设备部门人手不足，缺乏预防性维护",
      "safety",
    ),
    need("操作人员培训", "为新员工提供系统操作与维护培训", "一线员工流动大，误操作多", "social"),
    need("一个窗口对接", "商务、技术、售后统一由专人对接", "以往多头对接，问题来回推诿", "social"),
  ],
  emotional: [
    need(
      "被重视的合作关系",
      "高层定期互访，重要节点有人关心",
      "对方老板重视人情与长期关系",
      "esteem",
    ),
    need(
      "项目负责人有成就感",
      "协助采购负责人在内部展示项目成果",
      "采购经理需要向管理层证明选择正确",
      "esteem",
    ),
    need("信任与安全感", "合同承诺事项按时兑现", "曾被其他供应商爽约，心存顾虑", "safety"),
  ],
  information: [
    need(
      "了解行业最佳实践",
      "获取同行业数字化改造的案例和数据",
      "正在制定三年数字化规划",
      "self_actualisation",
    ),
    need("能耗数据透明", "按车间、设备查看实时能耗与同比", "集团下达节能减排指标", "safety"),
    need(
      "新技术趋势解读",
      "定期了解工业物联网与AI应用进展",
      "管理层希望不落后于竞争对手",
      "self_actualisation",
    ),
  ],
  benefit: [
    need(
      "采购成本可控",
      "年度采购价格锁定，量大有阶梯优惠",
      "原材料上涨，整体成本压力大",
      "physiological",
    ),
    need("付款周期延长", "货款结算周期由30天延长到60天", "资金周转紧张", "physiological"),
    need("投资回报看得见", "项目一年半内收回投资", "董事会对新投入审批严格", "esteem"),
  ],
  brand: [
    need("供应商品牌可靠", "选择行业知名品牌，便于内部审批", "采购决策需要向集团报备", "esteem"),
    need(
      "借助合作提升形象",
      "共同申报示范项目或标杆工厂",
      "希望获得政府和行业认可",
      "self_actualisation",
    ),
  ],
};

export const INDIVIDUAL_NEEDS: Record<NeedKind, readonly NeedTemplate[]> = {
  quality: [
    need("门锁安全可靠", "防技术开启，指纹识别灵敏", "家里有老人和孩子，安全第一", "safety"),
    need("产品耐用", "三年内不出故障", "不想反复维修", "safety"),
  ],
  service: [
    need("上门安装调试", "购买后48小时内上门安装", "自己不会安装", "safety"),
    need("紧急情况有人管", "夜间故障也能及时处理", "曾经被锁在门外", "safety"),
  ],
  emotional: [
    need("被记住的老顾客", "生日、节日有问候，家人也被关照", "希望感到被重视", "social"),
    need("放心给父母用", "老人也能轻松操作", "子女不在身边，担心父母安全", "social"),
  ],
  information: [
    need("用得明白", "清楚的使用说明和视频教程", "功能多但不会用", "self_actualisation"),
    need("家庭用电清楚", "随时查看家里用电情况", "电费偏高，想找原因", "physiological"),
  ],
  benefit: [
    need("价格实惠", "有优惠活动或以旧换新", "预算有限", "physiological"),
    need("分期付款", "支持12期免息分期", "一次性支出压力大", "physiological"),
  ],
  brand: [need("买知名品牌", "品牌有口碑，售后有保障", "相信大品牌更可靠", "esteem")],
};

/** The characteristics of a need (SPEC §3: when, where, how many, price, payment, how often). */
export const CHARACTERISTICS = {
  organization: {
    when_needed: [
      "本季度内",
      "旺季到来前",
      "下月初",
      "新产线投产前",
      "年底前",
      "项目验收前",
      "持续",
    ],
    where_needed: ["总部工厂", "新建二期车间", "各分厂", "集团所有生产基地", "仓储中心"],
    how_many: ["约50个监测点", "3条产线", "全厂200台设备", "首批20台，后续扩展", "2套"],
    price_expectations: [
      "不高于去年采购价",
      "总预算80万元以内",
      "接受略高价格换取更好服务",
      "希望有阶梯优惠",
    ],
    payments: ["预付30%，验收后付清", "月结60天", "分三期付款", "年度框架协议按季结算"],
    frequencies: ["每月", "每季度", "每年一次", "按项目", "持续使用"],
  },
  individual: {
    when_needed: ["春节前", "新房入住前", "下个月", "尽快", "孩子开学前"],
    where_needed: ["家中", "父母家", "新房", "店铺"],
    how_many: ["1套", "2台", "全屋", "3个房间"],
    price_expectations: ["预算5000元以内", "性价比优先", "等促销活动", "愿意为品质多花一些"],
    payments: ["一次性付款", "信用卡分期", "花呗分期", "以旧换新抵扣"],
    frequencies: ["偶尔", "每年一次", "持续使用"],
  },
} as const;

/** Complaints that reveal a need (SPEC §3), by the need kind they point to. */
export const COMPLAINT_VOICES: Record<NeedKind, readonly string[]> = {
  quality: ["质量太差", "标准太低"],
  service: ["供货不及时", "服务太差"],
  emotional: ["你们太小气"],
  information: ["说不清楚用法"],
  benefit: ["价格太高", "价格调整太慢"],
  brand: ["你们公司太小"],
};
