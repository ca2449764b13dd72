import type { ReactNode } from "react";
import { Flex, Typography } from "antd";

/** A scene's title, a one-line explanation, and its main commands on the right. */
export function SceneHeader(props: { title: string; subtitle?: string; extra?: ReactNode }) {
  return (
    <Flex justify="space-between" align="center" wrap gap={12}>
      <Flex align="baseline" gap={12} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {props.title}
        </Typography.Title>
        {props.subtitle ? (
          <Typography.Text type="secondary">{props.subtitle}</Typography.Text>
        ) : null}
      </Flex>
      {props.extra ? (
        <Flex gap={8} wrap>
          {props.extra}
        </Flex>
      ) : null}
    </Flex>
  );
}
