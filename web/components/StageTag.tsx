import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { Stage } from "../../src/shared/enums.js";

/** Colours climb with the ladder; the two off-ladder stages stand apart. */
const STAGE_COLORS: Record<Stage, string> = {
  potential: "default",
  target: "blue",
  new: "cyan",
  old: "green",
  core: "gold",
  strategic: "purple",
  problem: "red",
  exited: "volcano",
};

export function StageTag({ stage }: { stage: Stage }) {
  const { t } = useTranslation();
  return (
    <Tag color={STAGE_COLORS[stage]} data-stage={stage} style={{ marginInlineEnd: 0 }}>
      {t(`stage.${stage}`)}
    </Tag>
  );
}
