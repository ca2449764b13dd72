/** Every chart of the dashboard, fetched together (see charts.ts). */
export { ClvScatterChart } from "./ClvScatterChart.js";
export { LifecycleChart } from "./LifecycleChart.js";
export { ParetoChart } from "./ParetoChart.js";
export { ProblemShareChart } from "./ProblemShareChart.js";
export { RetentionChart } from "./RetentionChart.js";
export { StageFlows } from "./StageFlows.js";
export { StageFunnel } from "./StageFunnel.js";
export { UpgradeVelocityChart } from "./UpgradeVelocityChart.js";
