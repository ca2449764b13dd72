import { SaveOutlined, UserAddOutlined } from "@ant-design/icons";
import { engineLabel } from "./engineAccess.js";
import { registerAction } from "./registry.js";

const isAdmin = ({ user }: { user: { role: string } | null }) => user?.role === "admin";

export const createUserAction = registerAction<{ open: () => void }>({
  name: "settings.createUser",
  labelKey: engineLabel("settings:users.createTitle"),
  icon: <UserAddOutlined />,
  visible: isAdmin,
  perform: (_, dialog) => dialog.open(),
});

/** Saves the field grades changed on the page, all at once. */
export const saveGradesAction = registerAction<{ changed: number; save: () => Promise<void> }>({
  name: "settings.saveGrades",
  labelKey: engineLabel("settings:grades.save"),
  icon: <SaveOutlined />,
  shortcut: { key: "s", mod: true },
  visible: isAdmin,
  enabled: (_, draft) => draft.changed > 0,
  perform: (_, draft) => draft.save(),
});
