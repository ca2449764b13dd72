import { Empty, Flex, Radio, Tag, Typography } from "antd";
import { StarFilled } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { Stage } from "../../../src/shared/enums.js";
import type { DeliverySuggestion } from "../../api/deliveries.js";

/** Catalogue items the stage playbook and the customer's unmet needs point to, best first. */
export function SuggestionList(props: {
  suggestions: DeliverySuggestion[];
  stage: Stage;
  /** A need's title, to name the need a suggestion answers. */
  needTitle: (id: number) => string | undefined;
  value: number | undefined;
  onChange: (suggestion: DeliverySuggestion) => void;
}) {
  const { t } = useTranslation("deliveries");
  const { t: te } = useTranslation("engine");
  const { t: tt } = useTranslation();
  const stage = tt(`stage.${props.stage}`);
  /** Reasons are translated by their code; the server's English message is the fallback. */
  const reason = (r: DeliverySuggestion["reasons"][number]) => {
    switch (r.code) {
      case "core_need":
      case "additional_need":
      case "potential_need": {
        const title = r.needId ? props.needTitle(r.needId) : undefined;
        return title
          ? t("reason.need", {
              level: te(`needLevel.${r.code.replace("_need", "") as "core"}`),
              title,
            })
          : r.message;
      }
      case "stage_playbook":
      case "stage_supporting":
      case "tagged_for_stage":
        return t(`reason.${r.code}`, { stage });
      case "unique_value":
      case "scope_fit":
      case "declining":
      case "rejected_recently":
        return t(`reason.${r.code}`);
      default:
        return r.message;
    }
  };
  if (!props.suggestions.length)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("plan.noSuggestions")} />;
  return (
    <Radio.Group
      value={props.value}
      onChange={(event) => {
        const chosen = props.suggestions.find((s) => s.valueItem.id === event.target.value);
        if (chosen) props.onChange(chosen);
      }}
      style={{ width: "100%" }}
      data-testid="delivery-suggestions"
    >
      <Flex vertical gap={8}>
        {props.suggestions.map((s) => (
          <Radio key={s.valueItem.id} value={s.valueItem.id} style={{ alignItems: "flex-start" }}>
            <Flex vertical gap={2}>
              <Flex gap={6} align="center" wrap>
                <Typography.Text strong>{s.valueItem.title}</Typography.Text>
                {s.valueItem.unique ? (
                  <StarFilled style={{ color: "#faad14" }} aria-label={t("plan.unique")} />
                ) : null}
                <Tag>{te(`valueScope.${s.valueItem.scope}`)}</Tag>
                {s.needLevel ? <Tag color="magenta">{te(`needLevel.${s.needLevel}`)}</Tag> : null}
              </Flex>
              <Typography.Text type="secondary">{s.valueItem.statement}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {s.reasons.map(reason).join(" · ")}
              </Typography.Text>
            </Flex>
          </Radio>
        ))}
      </Flex>
    </Radio.Group>
  );
}
