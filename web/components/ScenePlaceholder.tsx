import { Card, Result, Typography } from "antd";
import { ToolOutlined } from "@ant-design/icons";

/** Stands in for a scene that is not built yet, saying what it will hold. */
export function ScenePlaceholder(props: { title: string; description: string; badge: string }) {
  return (
    <Card variant="borderless">
      <Result
        icon={<ToolOutlined />}
        title={
          <Typography.Title level={3} style={{ margin: 0 }}>
            {props.title}
          </Typography.Title>
        }
        subTitle={props.badge}
        extra={
          <Typography.Paragraph style={{ maxWidth: 640, margin: "0 auto", textAlign: "start" }}>
            {props.description}
          </Typography.Paragraph>
        }
      />
    </Card>
  );
}
