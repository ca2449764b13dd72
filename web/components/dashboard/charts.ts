/**
 * The dashboard's charts with ECharts: one download, started when the dashboard is opened so it
 * travels alongside the data rather than after it.
 */
import { moduleLoader } from "../moduleLoader.js";

export const dashboardCharts = moduleLoader(() => import("./chartSet.js"));
export type DashboardCharts = typeof import("./chartSet.js");
