import { useSearchParams } from "react-router";
import { dashboardCharts } from "../components/dashboard/charts.js";
import { FullPageSpin } from "../components/FullPageSpin.js";
import { moduleLoader } from "../components/moduleLoader.js";
import { usePrefetchDashboard } from "./DashboardData.js";

const scene = moduleLoader(() => import("./DashboardScene.js"));

/** Starts fetching the dashboard's code (scene and charts), e.g. when the app opens on it. */
export function preloadDashboard() {
  scene.preload();
  dashboardCharts.preload();
}

/**
 * The dashboard's route. Before the scene's code has arrived it already asks for every panel's
 * data and for the charts' code, so the three travel side by side instead of one after another.
 */
export function DashboardEntry() {
  const [params] = useSearchParams();
  // Both only start what is not under way yet, so rendering again costs nothing.
  preloadDashboard();
  usePrefetchDashboard(params);
  const module = scene.useModule();
  return module ? <module.DashboardScene /> : <FullPageSpin />;
}
