import { FileSearchOutlined, PlusOutlined } from "@ant-design/icons";
import { canWrite, engineLabel } from "./engineAccess.js";
import { registerAction } from "./registry.js";

/** Opens the dialog that records a need with its eight characteristics. */
export const recordNeedAction = registerAction<{ open: () => void }>({
  name: "needs.record",
  labelKey: engineLabel("needs:actions.record"),
  icon: <PlusOutlined />,
  shortcut: { key: "n", alt: true },
  visible: ({ user }) => canWrite(user?.role),
  perform: (_, dialog) => dialog.open(),
});

/** Opens the dialog that records a research finding and its means-end chain. */
export const recordResearchAction = registerAction<{ open: () => void }>({
  name: "needs.recordResearch",
  labelKey: engineLabel("needs:research.recordTitle"),
  icon: <FileSearchOutlined />,
  visible: ({ user }) => canWrite(user?.role),
  perform: (_, dialog) => dialog.open(),
});
