import { Flex, Radio, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table/index.js";
import { useTranslation } from "react-i18next";
import { GRADES, ROLES, type Grade } from "../../../src/shared/enums.js";
import type { FieldGrade, FieldGradeList } from "../../api/settings.js";

const GRADE_COLORS: Record<Grade, string> = {
  public: "default",
  internal: "blue",
  confidential: "red",
};

export function GradeTag({ grade }: { grade: Grade }) {
  const { t } = useTranslation("engine");
  return <Tag color={GRADE_COLORS[grade]}>{t(`grade.${grade}`)}</Tag>;
}

/**
 * Graded management (分级管理, SPEC §11): each customer and contact field's sensitivity grade,
 * changed in place and saved together; each role sees fields up to its ceiling.
 */
export function FieldGradesTable(props: {
  list: FieldGradeList;
  /** Grades changed here and not saved yet, by "entity.field". */
  draft: Record<string, Grade>;
  onChange: (item: FieldGrade) => void;
  fieldLabel: (item: FieldGrade) => string;
  disabled: boolean;
}) {
  const { t } = useTranslation("settings");
  const { t: tt } = useTranslation();
  const { t: te } = useTranslation("engine");
  const key = (item: FieldGrade) => `${item.entity}.${item.field}`;
  const columns: ColumnsType<FieldGrade> = [
    {
      key: "entity",
      title: t("grades.entity"),
      width: 110,
      render: (_, item) => t(`grades.entities.${item.entity}`),
    },
    {
      key: "field",
      title: t("grades.field"),
      render: (_, item) => (
        <Flex gap={8} align="baseline">
          <span>{props.fieldLabel(item)}</span>
          <Typography.Text type="secondary" code>
            {item.field}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: "grade",
      title: t("grades.grade"),
      width: 320,
      render: (_, item) => {
        const value = props.draft[key(item)] ?? item.grade;
        return (
          <Radio.Group
            aria-label={t("grades.gradeOf", { field: props.fieldLabel(item) })}
            size="small"
            optionType="button"
            buttonStyle="solid"
            value={value}
            disabled={props.disabled}
            onChange={(event) => props.onChange({ ...item, grade: event.target.value as Grade })}
            options={GRADES.map((grade) => ({ value: grade, label: te(`grade.${grade}`) }))}
          />
        );
      },
    },
  ];
  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={16} align="center" aria-label={t("grades.ceilings")}>
        <Typography.Text strong>{t("grades.ceilings")}</Typography.Text>
        {ROLES.map((role) => (
          <span key={role}>
            {tt(`roles.${role}`)} <GradeTag grade={props.list.roleCeilings[role] ?? "public"} />
          </span>
        ))}
      </Flex>
      <Table<FieldGrade>
        rowKey={key}
        size="small"
        columns={columns}
        dataSource={props.list.fields}
        pagination={false}
        rowClassName={(item) => (props.draft[key(item)] ? "ant-table-row-selected" : "")}
        data-testid="field-grades"
      />
    </Flex>
  );
}
