import { Flex, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { CustomerFilter } from "../../api/segments.js";
import { useFilterLabels } from "./useFilterLabels.js";

/** A segment's definition, one tag per condition; no condition means every customer. */
export function DefinitionTags(props: {
  filter: CustomerFilter;
  ownerName?: (id: number) => string | undefined;
}) {
  const { t } = useTranslation("segments");
  const { describe } = useFilterLabels(props.ownerName);
  const conditions = describe(props.filter);
  if (!conditions.length)
    return <Typography.Text type="secondary">{t("definition.everyone")}</Typography.Text>;
  return (
    <Flex wrap gap={4} data-testid="segment-definition">
      {conditions.map((c) => (
        <Tag key={c.key} color="blue">
          {c.text}
        </Tag>
      ))}
    </Flex>
  );
}
