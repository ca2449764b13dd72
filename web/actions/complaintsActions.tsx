import { PlusOutlined } from "@ant-design/icons";
import { canWrite, engineLabel } from "./engineAccess.js";
import { registerAction } from "./registry.js";

/** Opens the dialog that takes in a complaint at the listen step. */
export const receiveComplaintAction = registerAction<{ open: () => void }>({
  name: "complaints.receive",
  labelKey: engineLabel("complaints:actions.receive"),
  icon: <PlusOutlined />,
  shortcut: { key: "n", alt: true },
  visible: ({ user }) => canWrite(user?.role),
  perform: (_, dialog) => dialog.open(),
});
