import { Button, Flex, Progress, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";

export interface CoverageBar {
  key: string;
  label: string;
  count: number;
  unique: number;
  thin: boolean;
}

/** Counts per value dimension or per stage, as bars; a thin one is tagged, each opens its items. */
export function CoverageBars(props: { bars: CoverageBar[]; onPick: (key: string) => void }) {
  const { t } = useTranslation("values");
  const max = Math.max(1, ...props.bars.map((b) => b.count));
  return (
    <Flex vertical gap={4} role="list">
      {props.bars.map((bar) => (
        <Flex
          key={bar.key}
          align="center"
          gap={12}
          role="listitem"
          data-thin={bar.thin ? "true" : "false"}
        >
          <Button
            type="link"
            style={{ width: 300, justifyContent: "flex-start", padding: 0, flexShrink: 0 }}
            onClick={() => props.onPick(bar.key)}
          >
            <Typography.Text ellipsis>{bar.label}</Typography.Text>
          </Button>
          <Progress
            percent={(bar.count / max) * 100}
            showInfo={false}
            status={bar.thin ? "exception" : "normal"}
            style={{ flex: 1, margin: 0 }}
            aria-hidden
          />
          <Typography.Text style={{ width: 56, textAlign: "end" }}>{bar.count}</Typography.Text>
          <span style={{ width: 64 }}>
            {bar.thin ? <Tag color="warning">{t("coverage.thin")}</Tag> : null}
          </span>
        </Flex>
      ))}
    </Flex>
  );
}
