import type { ReactNode } from "react";
import { Alert, Card, Empty, Flex, Skeleton, Tooltip, Typography } from "antd";
import { InfoCircleOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../errors.js";

export interface ChartCardProps {
  title: string;
  /** What the chart shows and how to read it; also where a click leads. */
  help?: string;
  extra?: ReactNode;
  /** The data or the chart's code is still on its way. */
  loading?: boolean;
  error?: unknown;
  /** Nothing to draw: says why and what to do (e.g. run a refresh). */
  empty?: { description: ReactNode; action?: ReactNode } | null;
  /** Stable name for tests and screen readers' landmarks. */
  name: string;
  children?: ReactNode;
}

/** One dashboard panel: a title with help, then the chart, a skeleton, an error or an empty state. */
export function ChartCard(props: ChartCardProps) {
  const { t } = useTranslation();
  let body: ReactNode;
  if (props.loading) body = <Skeleton active paragraph={{ rows: 6 }} />;
  else if (props.error) body = <Alert type="error" showIcon title={errorMessage(t, props.error)} />;
  else if (props.empty)
    body = (
      <Flex vertical align="center" justify="center" style={{ minHeight: 240 }}>
        <Empty description={props.empty.description}>{props.empty.action}</Empty>
      </Flex>
    );
  else body = props.children;
  return (
    <Card
      data-chart={props.name}
      data-state={
        props.loading ? "loading" : props.error ? "error" : props.empty ? "empty" : "ready"
      }
      size="small"
      style={{ height: "100%" }}
      title={
        <Flex align="center" gap={6}>
          <Typography.Text strong>{props.title}</Typography.Text>
          {props.help ? (
            <Tooltip title={props.help}>
              <InfoCircleOutlined aria-label={props.help} style={{ color: "rgba(0,0,0,.45)" }} />
            </Tooltip>
          ) : null}
        </Flex>
      }
      extra={props.extra}
      role="region"
      aria-label={props.title}
    >
      {body}
    </Card>
  );
}
