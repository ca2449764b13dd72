import type { Translation } from "./engine.en.js";
import type { importsEn } from "./imports.en.js";

/** 导入向导的中文。 */
export const importsZhCN: Translation<typeof importsEn> = {
  title: "导入",
  subtitle: "从 CSV 或 Excel 导入客户、联系人和交易，先逐行检查。",
  readOnly: "分析师可以查看以往的导入记录，但不能导入。",
  checking: "正在检查文件……已发送 {{percent}}%",
  kind: { customers: "客户", contacts: "联系人", transactions: "交易" },
  status: { running: "进行中", publishing: "写入中", succeeded: "成功", failed: "失败" },
  steps: {
    file: "选择文件",
    map: "对应列",
    preview: "逐行检查",
    run: "导入",
  },
  actions: {
    check: "检查文件",
    run: "导入",
    restart: "导入其他文件",
    back: "上一步",
  },
  file: {
    kind: "文件内容",
    drop: "将 CSV 或 Excel 文件拖到此处，或点击选择（键盘可按回车或空格）",
    formats: "CSV（UTF-8 或 Excel 保存的 GBK）或 .xlsx 的第一个工作表，含一行表头；不超过 200 MB。",
    chosen: "{{name}}（{{size}} KB）",
    wrongType: "请选择 .csv 或 .xlsx 文件。",
    noHeader: "文件开头没有找到表头行。",
    hint: {
      customers:
        "必须有“客户名称”（name）和“客户类别”（kind：organization 组织 或 individual 个人）两列。“客户经理”列（ownerEmail）指定负责的客户经理；没有这一列时，您就是负责人。",
      contacts:
        "必须有“客户编号”（customerRef，即客户的外部编号）和“联系人”（name）两列。联系人会加到已存在的客户下。",
      transactions:
        "必须有“客户编号”（customerRef）、“交易时间”（occurredAt）和“金额”（amount，单位元）三列。可选：成本、数量、产品、渠道、交易编号。",
    },
  },
  map: {
    explainCsv:
      "文件的每一列会填入这里选定的字段。能识别的表头（英文或中文）已自动对应；请为其余的列选择字段，或不导入。标 * 的字段必填。",
    explainXlsx:
      "服务器对工作簿表头的识别结果。如需改变对应关系，请在工作簿中修改表头，或另存为 CSV。",
    column: "文件中的列",
    field: "导入为",
    fieldFor: "“{{header}}”列对应的字段",
    skip: "不导入",
    blank: "（无表头）",
    missing: "尚未对应的必填字段：",
  },
  preview: {
    rows: "读取行数",
    badRows: "有错误的行",
    valid_one: "已检查全部 {{count}} 行：文件可以导入。",
    valid_other: "已检查全部 {{count}} 行：文件可以导入。",
    invalid_one: "有 {{count}} 行需要修改。尚未导入任何数据。",
    invalid_other: "有 {{count}} 行需要修改。尚未导入任何数据。",
    invalidHint:
      "请在文件中（或在列对应中）修正这些行后重新检查。导入要么全部成功，要么全部不导入。",
    errors: "需要修改的行",
    firstErrors: "需要修改的行（共 {{count}} 行，显示前 {{shown}} 行）",
    line: "行号",
    lineNo: "第 {{line}} 行",
    columnTitle: "列",
    wholeRow: "整行",
    problem: "问题",
    ignored: "未导入的列（没有对应字段）：{{columns}}",
    listSeparator: "、",
    sample: "前几行导入后的样子",
  },
  run: {
    phase: {
      uploading: "正在发送文件……",
      reading: "正在读取并检查……",
      publishing: "正在写入……",
      summarising: "正在更新统计……",
      done: "即将完成……",
    },
    counts: "已读取 {{read}} 行，已写入 {{published}} 行",
    succeeded_one: "已导入 {{count}} 行。",
    succeeded_other: "已导入 {{count}} 行。",
    replayed: "这个文件之前已经导入过，没有重复导入。",
    failed: "导入失败，已全部回滚：没有导入任何数据。",
    openCustomers: "打开客户列表",
  },
  recent: {
    title: "最近的导入",
    file: "文件",
    kind: "内容",
    status: "状态",
    rows: "行数",
    started: "开始时间",
    empty: "还没有导入记录。",
  },
  field: {
    customers: {
      ownerEmail: "客户经理（登录邮箱）",
      ownerId: "客户经理（用户编号）",
      categorySpend: "品类年支出（元）",
    },
    contacts: {
      customerRef: "客户编号",
      name: "联系人",
      title: "职务",
      buyingRole: "采购角色",
      isKey: "关键人",
      phone: "电话",
      email: "邮箱",
      birthDate: "出生日期",
      personality: "性格",
      interests: "兴趣爱好",
      notes: "备注",
    },
    transactions: {
      customerRef: "客户编号",
      occurredAt: "交易时间",
      amount: "金额（元）",
      cost: "成本（元）",
      quantity: "数量",
      product: "产品",
      channel: "渠道",
      externalRef: "交易编号",
    },
  },
};
