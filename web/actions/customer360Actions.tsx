import {
  BulbOutlined,
  DownOutlined,
  CommentOutlined,
  ExclamationCircleOutlined,
  FlagOutlined,
  RiseOutlined,
  SendOutlined,
  SwapOutlined,
} from "@ant-design/icons";
import type { NextActionKind } from "../../src/shared/ladder/nextActions.js";
import { LADDER_WRITERS, type ColumnPaging } from "./ladderActions.js";
import { registerAction } from "./registry.js";
import { sceneLabel } from "./sceneLabel.js";
import type { Action, ActionContext } from "./types.js";

const mayWrite = ({ user }: ActionContext) => user !== null && LADDER_WRITERS.includes(user.role);

/** What acting on one next best action does; the scene decides (open a dialog, plan, go to a tab). */
export interface ActOn {
  act: () => void | Promise<void>;
}

function actOn(kind: NextActionKind, icon: Action["icon"], writes: boolean) {
  return registerAction<ActOn>({
    name: `nextAction.${kind}`,
    labelKey: sceneLabel(`customer360:nextActions.act.${kind}`),
    icon,
    ...(writes ? { visible: mayWrite } : {}),
    perform: async (_, { act }) => {
      await act();
    },
  });
}

/** One command per kind of next best action, so each reads as what it does. */
export const nextActionCommands: Record<NextActionKind, Action<ActOn>> = {
  complaint: actOn("complaint", <ExclamationCircleOutlined />, false),
  core_need: actOn("core_need", <FlagOutlined />, true),
  proposal: actOn("proposal", <RiseOutlined />, false),
  overdue_stage: actOn("overdue_stage", <SwapOutlined />, true),
  interaction: actOn("interaction", <CommentOutlined />, false),
  delivery: actOn("delivery", <SendOutlined />, true),
};

export const recordNeedAction = registerAction<{ open: () => void }>({
  name: "customer.recordNeed",
  labelKey: sceneLabel("customer360:needs.record"),
  icon: <BulbOutlined />,
  visible: mayWrite,
  perform: (_, { open }) => open(),
});

export const loadMoreTransactionsAction = registerAction<ColumnPaging>({
  name: "transactions.loadMore",
  labelKey: sceneLabel("customer360:transactions.more"),
  icon: <DownOutlined />,
  visible: (_, paging) => paging.hasMore,
  enabled: (_, paging) => !paging.loading,
  perform: (_, paging) => paging.load(),
});
