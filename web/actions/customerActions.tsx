import {
  ArrowLeftOutlined,
  ClearOutlined,
  CloseOutlined,
  DownOutlined,
  EditOutlined,
  ReloadOutlined,
  SaveOutlined,
} from "@ant-design/icons";
import { customerKeys } from "../api/customers.js";
import { registerAction } from "./registry.js";

/** What the customers list offers its "load more" command. */
export interface LoadMoreState {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

export const loadMoreCustomersAction = registerAction<LoadMoreState>({
  name: "customers.loadMore",
  labelKey: "actions.loadMore",
  icon: <DownOutlined />,
  enabled: (_, list) => list.hasNextPage && !list.isFetchingNextPage,
  perform: async (_, list) => {
    await list.fetchNextPage();
  },
});

export const resetCustomerFiltersAction = registerAction<{
  hasFilters: boolean;
  reset: () => void;
}>({
  name: "customers.resetFilters",
  labelKey: "actions.resetFilters",
  icon: <ClearOutlined />,
  enabled: (_, filters) => filters.hasFilters,
  perform: (_, filters) => filters.reset(),
});

/** The edit state of the customer 360 page, as its commands see it. */
export interface CustomerEditState {
  id: number;
  editing: boolean;
  saving: boolean;
  startEditing: () => void;
  cancel: () => void;
  save: () => Promise<void>;
}

export const editCustomerAction = registerAction<CustomerEditState>({
  name: "customer.edit",
  labelKey: "actions.editCustomer",
  icon: <EditOutlined />,
  visible: (_, state) => !state.editing,
  perform: (_, state) => state.startEditing(),
});

export const saveCustomerAction = registerAction<CustomerEditState>({
  name: "customer.save",
  labelKey: "actions.saveCustomer",
  icon: <SaveOutlined />,
  shortcut: { key: "s", mod: true },
  visible: (_, state) => state.editing,
  enabled: (_, state) => !state.saving,
  perform: (_, state) => state.save(),
});

export const cancelCustomerEditAction = registerAction<CustomerEditState>({
  name: "customer.cancelEdit",
  labelKey: "actions.cancelEdit",
  icon: <CloseOutlined />,
  visible: (_, state) => state.editing,
  enabled: (_, state) => !state.saving,
  perform: (_, state) => state.cancel(),
});

export const reloadCustomerAction = registerAction<CustomerEditState>({
  name: "customer.reload",
  labelKey: "actions.reload",
  icon: <ReloadOutlined />,
  visible: (_, state) => !state.editing,
  perform: async ({ queryClient }, state) => {
    await queryClient.invalidateQueries({ queryKey: customerKeys.detail(state.id) });
  },
});

export const backToCustomersAction = registerAction({
  name: "customers.back",
  labelKey: "actions.backToCustomers",
  icon: <ArrowLeftOutlined />,
  perform: async ({ navigate }) => {
    // Going back keeps the list's filters, sort and scroll; a fresh tab has nothing to go back to.
    const index = (window.history.state as { idx?: number } | null)?.idx ?? 0;
    await (index > 0 ? navigate(-1) : navigate("/customers"));
  },
});
