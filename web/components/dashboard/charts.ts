/**
 * The dashboard's charts, each fetched (with ECharts) on first use: the scene mounts and asks
 * for its data at once, while the charting code downloads alongside.
 */
import { lazy } from "react";

export const StageFunnel = lazy(() =>
  import("./StageFunnel.js").then((m) => ({ default: m.StageFunnel })),
);
export const StageFlows = lazy(() =>
  import("./StageFlows.js").then((m) => ({ default: m.StageFlows })),
);
export const ProblemShareChart = lazy(() =>
  import("./ProblemShareChart.js").then((m) => ({ default: m.ProblemShareChart })),
);
export const UpgradeVelocityChart = lazy(() =>
  import("./UpgradeVelocityChart.js").then((m) => ({ default: m.UpgradeVelocityChart })),
);
export const RetentionChart = lazy(() =>
  import("./RetentionChart.js").then((m) => ({ default: m.RetentionChart })),
);
export const ParetoChart = lazy(() =>
  import("./ParetoChart.js").then((m) => ({ default: m.ParetoChart })),
);
export const ClvScatterChart = lazy(() =>
  import("./ClvScatterChart.js").then((m) => ({ default: m.ClvScatterChart })),
);
export const LifecycleChart = lazy(() =>
  import("./LifecycleChart.js").then((m) => ({ default: m.LifecycleChart })),
);
