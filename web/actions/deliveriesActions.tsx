import { PlusOutlined } from "@ant-design/icons";
import { canWrite, engineLabel } from "./engineAccess.js";
import { registerAction } from "./registry.js";

/** Opens the five-step plan of a value delivery. */
export const planDeliveryAction = registerAction<{ open: () => void }>({
  name: "deliveries.plan",
  labelKey: engineLabel("deliveries:actions.plan"),
  icon: <PlusOutlined />,
  shortcut: { key: "n", alt: true },
  visible: ({ user }) => canWrite(user?.role),
  perform: (_, drawer) => drawer.open(),
});
