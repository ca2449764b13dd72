import {
  CheckOutlined,
  CloseOutlined,
  DownOutlined,
  SwapOutlined,
  ThunderboltOutlined,
} from "@ant-design/icons";
import type { Role } from "../../src/shared/enums.js";
import { ladderKeys } from "../api/ladder.js";
import { proposalKeys, runProposals, type ProposalRun } from "../api/proposals.js";
import { registerAction } from "./registry.js";
import { sceneLabel } from "./sceneLabel.js";
import type { ActionContext } from "./types.js";

/** Roles that may move customers and decide on proposals (the server checks ownership too). */
export const LADDER_WRITERS: readonly Role[] = ["admin", "marketing_manager", "account_manager"];
const mayWrite = ({ user }: ActionContext) => user !== null && LADDER_WRITERS.includes(user.role);

/** Opens the stage-change dialog for a customer (from the 360 view or a next best action). */
export const moveCustomerAction = registerAction<{ open: () => void }>({
  name: "ladder.moveCustomer",
  labelKey: sceneLabel("ladder:actions.move"),
  icon: <SwapOutlined />,
  visible: mayWrite,
  perform: (_, { open }) => open(),
});

export interface ColumnPaging {
  hasMore: boolean;
  loading: boolean;
  load: () => void;
}

export const loadMoreColumnAction = registerAction<ColumnPaging>({
  name: "ladder.loadMoreColumn",
  labelKey: sceneLabel("ladder:actions.more"),
  icon: <DownOutlined />,
  visible: (_, paging) => paging.hasMore,
  enabled: (_, paging) => !paging.loading,
  perform: (_, paging) => paging.load(),
});

export const loadMoreProposalsAction = registerAction<ColumnPaging>({
  name: "proposals.loadMore",
  labelKey: sceneLabel("ladder:actions.moreProposals"),
  icon: <DownOutlined />,
  visible: (_, paging) => paging.hasMore,
  enabled: (_, paging) => !paging.loading,
  perform: (_, paging) => paging.load(),
});

/** A decision the inbox or the 360 view is about to ask for. */
export interface ProposalDecisionState {
  open: boolean;
  ask: () => void;
}

export const acceptProposalAction = registerAction<ProposalDecisionState>({
  name: "proposal.accept",
  labelKey: sceneLabel("ladder:actions.accept"),
  icon: <CheckOutlined />,
  visible: (context, state) => mayWrite(context) && state.open,
  perform: (_, state) => state.ask(),
});

export const rejectProposalAction = registerAction<ProposalDecisionState>({
  name: "proposal.reject",
  labelKey: sceneLabel("ladder:actions.reject"),
  icon: <CloseOutlined />,
  visible: (context, state) => mayWrite(context) && state.open,
  perform: (_, state) => state.ask(),
});

export const runProposalsAction = registerAction<{
  onDone: (run: ProposalRun) => void;
  onError: (error: unknown) => void;
}>({
  name: "proposals.run",
  labelKey: sceneLabel("ladder:actions.runEngine"),
  icon: <ThunderboltOutlined />,
  visible: ({ user }) => user !== null && ["admin", "marketing_manager"].includes(user.role),
  perform: async ({ queryClient }, { onDone, onError }) => {
    try {
      const run = await runProposals();
      await queryClient.invalidateQueries({ queryKey: proposalKeys.all });
      await queryClient.invalidateQueries({ queryKey: ladderKeys.all });
      onDone(run);
    } catch (error) {
      onError(error);
    }
  },
});
