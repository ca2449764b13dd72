import { lazy, type ComponentType, type ReactNode } from "react";
import {
  AppstoreOutlined,
  BarChartOutlined,
  BulbOutlined,
  ClusterOutlined,
  CommentOutlined,
  DashboardOutlined,
  ImportOutlined,
  RiseOutlined,
  SendOutlined,
  SettingOutlined,
  TeamOutlined,
  WarningOutlined,
} from "@ant-design/icons";
import type { Role } from "../src/shared/enums.js";
import type { Messages } from "./i18n/en.js";
import { DashboardEntry } from "./scenes/DashboardEntry.js";

export type NavKey = keyof Messages["nav"];

export interface NavRoute {
  key: NavKey;
  path: string;
  icon: ReactNode;
  /** Roles that see the entry and may open the scene; every role when absent. */
  roles?: readonly Role[];
}

/** The side menu, in the order of the model's loop: know the customer, discover, deliver, upgrade. */
export const NAV_ROUTES: readonly NavRoute[] = [
  { key: "dashboard", path: "/", icon: <DashboardOutlined /> },
  { key: "customers", path: "/customers", icon: <TeamOutlined /> },
  { key: "ladder", path: "/ladder", icon: <RiseOutlined /> },
  { key: "needs", path: "/needs", icon: <BulbOutlined /> },
  { key: "values", path: "/values", icon: <AppstoreOutlined /> },
  { key: "deliveries", path: "/deliveries", icon: <SendOutlined /> },
  { key: "interactions", path: "/interactions", icon: <CommentOutlined /> },
  { key: "complaints", path: "/complaints", icon: <WarningOutlined /> },
  { key: "segments", path: "/segments", icon: <ClusterOutlined /> },
  { key: "analytics", path: "/analytics", icon: <BarChartOutlined /> },
  { key: "import", path: "/import", icon: <ImportOutlined /> },
  { key: "settings", path: "/settings", icon: <SettingOutlined />, roles: ["admin"] },
];

export function mayOpen(route: NavRoute, role: Role | undefined): boolean {
  return !route.roles || (role !== undefined && route.roles.includes(role));
}

/** The menu entry a location belongs to: "/customers/42" → "customers". */
export function navKeyOf(pathname: string): NavKey | undefined {
  const first = pathname.split("/")[1] ?? "";
  return NAV_ROUTES.find((route) => route.path === `/${first}`)?.key;
}

/**
 * The scene of every menu entry but the customers list (App.tsx), each its own chunk, fetched
 * when first opened. The dashboard's entry also fetches its data and charts before its chunk
 * arrives (DashboardEntry).
 */
export const ENGINE_SCENES: Record<Exclude<NavKey, "customers">, ComponentType> = {
  dashboard: DashboardEntry,
  ladder: lazy(() => import("./scenes/LadderScene.js").then((m) => ({ default: m.LadderScene }))),
  needs: lazy(() => import("./scenes/NeedsScene.js").then((m) => ({ default: m.NeedsScene }))),
  complaints: lazy(() =>
    import("./scenes/ComplaintsScene.js").then((m) => ({ default: m.ComplaintsScene })),
  ),
  import: lazy(() => import("./scenes/ImportScene.js").then((m) => ({ default: m.ImportScene }))),
  settings: lazy(() =>
    import("./scenes/SettingsScene.js").then((m) => ({ default: m.SettingsScene })),
  ),
  segments: lazy(() =>
    import("./scenes/SegmentsScene.js").then((m) => ({ default: m.SegmentsScene })),
  ),
  values: lazy(() => import("./scenes/ValuesScene.js").then((m) => ({ default: m.ValuesScene }))),
  deliveries: lazy(() =>
    import("./scenes/DeliveriesScene.js").then((m) => ({ default: m.DeliveriesScene })),
  ),
  interactions: lazy(() =>
    import("./scenes/InteractionsScene.js").then((m) => ({ default: m.InteractionsScene })),
  ),
  analytics: lazy(() =>
    import("./scenes/AnalyticsScene.js").then((m) => ({ default: m.AnalyticsScene })),
  ),
};
