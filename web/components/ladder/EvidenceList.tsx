import { Flex, Typography } from "antd";
import { CheckCircleFilled, CloseCircleFilled } from "@ant-design/icons";
import type { EvidenceItem } from "../../api/ladder.js";
import { useLadderText } from "./useLadderText.js";

/** Evidence found (ticks) and, when given, what is missing (crosses), in the user's language. */
export function EvidenceList(props: { found: EvidenceItem[]; missing?: string[] }) {
  const text = useLadderText();
  return (
    <Flex vertical gap={2}>
      {props.found.map((item, i) => (
        <Typography.Text key={`f${i}`} data-evidence={item.key}>
          <CheckCircleFilled style={{ color: "#52c41a", marginInlineEnd: 6 }} />
          {text.evidence(item)}
        </Typography.Text>
      ))}
      {(props.missing ?? []).map((item, i) => (
        <Typography.Text key={`m${i}`} type="secondary" data-missing>
          <CloseCircleFilled style={{ color: "#f5222d", marginInlineEnd: 6 }} />
          {text.missing(item)}
        </Typography.Text>
      ))}
    </Flex>
  );
}
