import { Card, Empty, Flex, Tag, Typography } from "antd";
import { RightOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { ResearchNote, ResearchSummary } from "../../api/research.js";
import { useFormat } from "../../i18n/useFormat.js";
import { CustomerLink } from "../engine/CustomerLink.js";
import { useResearchLabels } from "./useResearchLabels.js";

/** Findings counted by information type and by method (SPEC §6: classified and counted). */
export function ResearchCounts({ summary }: { summary: ResearchSummary }) {
  const { t } = useTranslation("needs");
  const { infoType, method } = useResearchLabels();
  return (
    <Flex vertical gap={6} data-testid="research-counts">
      <Flex wrap gap={4} align="center">
        <Typography.Text strong>{t("research.byInfoType")}</Typography.Text>
        {summary.byInfoType.map((row) => (
          <Tag key={row.infoType ?? "-"}>
            {infoType(row.infoType)} · {row.count}
          </Tag>
        ))}
      </Flex>
      <Flex wrap gap={4} align="center">
        <Typography.Text strong>{t("research.byMethod")}</Typography.Text>
        {summary.byMethod.map((row) => (
          <Tag key={row.method ?? "-"}>
            {method(row.method)} · {row.count}
          </Tag>
        ))}
      </Flex>
    </Flex>
  );
}

/** Research notes, newest first, each with its means-end chain (keep asking why). */
export function ResearchNotesList(props: {
  notes: ResearchNote[];
  nameOf: (customerId: number) => string | undefined;
  needTitle: (needId: number) => string | undefined;
  empty: React.ReactNode;
}) {
  const { t } = useTranslation("needs");
  const format = useFormat();
  const { infoType, method, channel } = useResearchLabels();
  if (!props.notes.length)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={props.empty} />;
  return (
    <Flex vertical gap={12} data-testid="research-notes">
      {props.notes.map((note) => (
        <Card
          key={note.id}
          size="small"
          title={note.title}
          extra={<Typography.Text type="secondary">{format.date(note.createdAt)}</Typography.Text>}
        >
          <Flex vertical gap={8}>
            <Flex wrap gap={4} align="center">
              {note.customerId !== null ? (
                <CustomerLink id={note.customerId} name={props.nameOf(note.customerId)} />
              ) : null}
              {note.infoType ? <Tag color="blue">{infoType(note.infoType)}</Tag> : null}
              {note.method ? <Tag>{method(note.method)}</Tag> : null}
              {note.channel ? <Tag>{channel(note.channel)}</Tag> : null}
              {note.needId !== null ? (
                <Tag color="magenta">
                  {t("research.forNeed", {
                    title: props.needTitle(note.needId) ?? `#${note.needId}`,
                  })}
                </Tag>
              ) : null}
            </Flex>
            <Typography.Paragraph style={{ margin: 0, whiteSpace: "pre-line" }}>
              {note.body}
            </Typography.Paragraph>
            {note.whyChain.length ? (
              <Flex wrap gap={6} align="center" aria-label={t("research.whyChain")}>
                <Typography.Text type="secondary">{t("research.whyChain")}:</Typography.Text>
                {note.whyChain.map((step, index) => (
                  <Flex key={index} gap={6} align="center">
                    {index ? <RightOutlined style={{ fontSize: 10, opacity: 0.5 }} /> : null}
                    <Tag>{step}</Tag>
                  </Flex>
                ))}
              </Flex>
            ) : null}
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}
