import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { NeedLevel, NeedStatus } from "../../../src/shared/enums.js";

const LEVEL_COLORS: Record<NeedLevel, string> = {
  core: "magenta",
  additional: "blue",
  potential: "purple",
};
const STATUS_COLORS: Record<NeedStatus, string> = {
  open: "orange",
  being_met: "processing",
  met: "success",
  deferred: "default",
  declined: "default",
};

export function NeedLevelTag({ level }: { level: NeedLevel }) {
  const { t } = useTranslation("engine");
  return (
    <Tag color={LEVEL_COLORS[level]} data-level={level}>
      {t(`needLevel.${level}`)}
    </Tag>
  );
}

export function NeedStatusTag({ status }: { status: NeedStatus }) {
  const { t } = useTranslation("engine");
  return (
    <Tag color={STATUS_COLORS[status]} data-status={status}>
      {t(`needStatus.${status}`)}
    </Tag>
  );
}
