import type { Stage } from "../../../src/shared/enums.js";

/** Chart colours of the stages, matching the tags (antd's preset palette): they climb with the ladder. */
export const STAGE_CHART_COLORS: Record<Stage, string> = {
  potential: "#8c8c8c",
  target: "#1677ff",
  new: "#13c2c2",
  old: "#52c41a",
  core: "#faad14",
  strategic: "#722ed1",
  problem: "#f5222d",
  exited: "#fa541c",
};
