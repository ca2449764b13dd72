import { DownOutlined, ReloadOutlined } from "@ant-design/icons";
import { engineLabel } from "./engineAccess.js";
import { registerAction } from "./registry.js";

/** A keyset-paged list, as its "load more" command sees it. */
export interface PagedList {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/** "Load more" under any paged list of these scenes. */
export const loadMoreAction = registerAction<PagedList>({
  name: "engine.loadMore",
  labelKey: engineLabel("engine:common.loadMore"),
  icon: <DownOutlined />,
  enabled: (_, list) => list.hasNextPage && !list.isFetchingNextPage,
  perform: async (_, list) => {
    await list.fetchNextPage();
  },
});

/** Reloads what a scene shows (after someone else changed it). */
export const reloadSceneAction = registerAction<{ reload: () => Promise<unknown> }>({
  name: "engine.reload",
  labelKey: engineLabel("engine:common.reload"),
  icon: <ReloadOutlined />,
  perform: async (_, scene) => {
    await scene.reload();
  },
});
