import { SyncOutlined } from "@ant-design/icons";
import type { Role } from "../../src/shared/enums.js";
import { analyticsKeys, startRefresh } from "../api/analytics.js";
import { isApiError } from "../api/client.js";
import { registerAction } from "./registry.js";
import { sceneLabel } from "./sceneLabel.js";

/** Roles the server lets start a refresh. */
export const ANALYST_ROLES: readonly Role[] = ["admin", "marketing_manager", "analyst"];

/** What the refresh command needs from the dashboard. */
export interface RefreshState {
  running: boolean;
  onError: (error: unknown) => void;
}

export const refreshAnalyticsAction = registerAction<RefreshState>({
  name: "analytics.refresh",
  labelKey: sceneLabel("dashboard:refresh.action"),
  icon: <SyncOutlined />,
  visible: ({ user }) => user !== null && ANALYST_ROLES.includes(user.role),
  enabled: (_, state) => !state.running,
  perform: async ({ queryClient }, state) => {
    try {
      await startRefresh();
    } catch (error) {
      // Someone else's refresh is running: follow that one.
      if (!isApiError(error, "conflict")) state.onError(error);
    }
    await queryClient.invalidateQueries({ queryKey: analyticsKeys.status });
  },
});
