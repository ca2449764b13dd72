import type { ReactNode } from "react";
import { Empty, Typography } from "antd";

/** An empty list that says why it is empty and what to do next. */
export function EmptyHint(props: { title: string; hint: string; action?: ReactNode }) {
  return (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        <>
          <Typography.Text strong>{props.title}</Typography.Text>
          <br />
          <Typography.Text type="secondary">{props.hint}</Typography.Text>
        </>
      }
    >
      {props.action}
    </Empty>
  );
}
