import { CommentOutlined, PlusOutlined } from "@ant-design/icons";
import { canWrite, engineLabel } from "./engineAccess.js";
import { registerAction } from "./registry.js";

/** Opens the dialog that records an interaction with a customer. */
export const recordInteractionAction = registerAction<{ open: () => void }>({
  name: "interactions.record",
  labelKey: engineLabel("interactions:actions.record"),
  icon: <CommentOutlined />,
  shortcut: { key: "n", alt: true },
  visible: ({ user }) => canWrite(user?.role),
  perform: (_, dialog) => dialog.open(),
});

/** Opens a new interaction plan. */
export const createPlanAction = registerAction<{ open: () => void }>({
  name: "interactions.createPlan",
  labelKey: engineLabel("interactions:actions.createPlan"),
  icon: <PlusOutlined />,
  visible: ({ user }) => canWrite(user?.role),
  perform: (_, drawer) => drawer.open(),
});
