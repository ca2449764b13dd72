import { Rate, Space, Tag, Tooltip, Typography } from "antd";
import { LockOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { Customer, Family } from "../../api/types.js";
import { useFormat } from "../../i18n/useFormat.js";
import { StageTag } from "../StageTag.js";
import type { FieldSpec } from "./customerFields.js";

export function RestrictedValue() {
  const { t } = useTranslation();
  return (
    <Tooltip title={t("customer.restrictedHint")}>
      <Typography.Text type="secondary" data-restricted>
        <LockOutlined /> {t("customer.restricted")}
      </Typography.Text>
    </Tooltip>
  );
}

function FamilyValue({ family }: { family: Family }) {
  const { t } = useTranslation();
  const format = useFormat();
  const withBirthday = (name: string | undefined, birthday: string | undefined) =>
    `${name ?? ""}${birthday ? ` (${format.date(birthday)})` : ""}`;
  return (
    <Space orientation="vertical" size={0}>
      {family.spouse || family.spouseBirthday ? (
        <span>
          {t("customer.spouse", { name: withBirthday(family.spouse, family.spouseBirthday) })}
        </span>
      ) : null}
      {(family.children ?? []).map((child, index) => (
        <span key={index}>
          {t("customer.child", { name: withBirthday(child.name, child.birthday) })}
        </span>
      ))}
    </Space>
  );
}

/** One profile field, read-only: formatted for the language, or marked restricted by grade. */
export function FieldValue({ customer, field }: { customer: Customer; field: FieldSpec }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!(field.key in customer)) return <RestrictedValue />;
  const value = customer[field.key];
  const none = <Typography.Text type="secondary">{t("common.none")}</Typography.Text>;
  if (value === null || value === undefined || value === "") return none;

  switch (field.type) {
    case "stage":
      return customer.stage ? <StageTag stage={customer.stage} /> : none;
    case "kind":
      return <>{t(`kind.${customer.kind}`)}</>;
    case "enum":
      return (
        <>
          {field.enumName
            ? t(`${field.enumName}.${String(value)}` as "kind.individual")
            : String(value)}
        </>
      );
    case "date":
      return <>{format.date(String(value))}</>;
    case "instant":
      return <>{format.dateTime(String(value))}</>;
    case "integer":
      return <>{typeof value === "number" ? format.number(value) : String(value)}</>;
    case "score":
      return typeof value === "number" ? (
        <Rate
          disabled
          count={5}
          value={value}
          style={{ fontSize: 14 }}
          aria-label={`${value} / 5`}
        />
      ) : (
        none
      );
    case "money":
      return <>{typeof value === "number" ? format.money(value) : String(value)}</>;
    case "list":
      return Array.isArray(value) && value.length ? (
        <span>
          {value.map((item) => (
            <Tag key={String(item)}>{String(item)}</Tag>
          ))}
        </span>
      ) : (
        none
      );
    case "email":
      return <a href={`mailto:${String(value)}`}>{String(value)}</a>;
    case "phone":
      return <a href={`tel:${String(value)}`}>{String(value)}</a>;
    case "url": {
      const href = /^https?:\/\//i.test(String(value)) ? String(value) : `https://${String(value)}`;
      return (
        <a href={href} target="_blank" rel="noopener noreferrer">
          {String(value)}
        </a>
      );
    }
    case "family":
      return typeof value === "object" ? <FamilyValue family={value as Family} /> : String(value);
    case "longText":
      return <span style={{ whiteSpace: "pre-wrap" }}>{String(value)}</span>;
    default:
      return <>{String(value)}</>;
  }
}
