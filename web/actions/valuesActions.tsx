import { PlusOutlined } from "@ant-design/icons";
import { engineLabel, keepsCatalogue } from "./engineAccess.js";
import { registerAction } from "./registry.js";

/** Opens the form for a new catalogue item (admins and marketing managers keep the catalogue). */
export const createValueItemAction = registerAction<{ open: () => void }>({
  name: "values.create",
  labelKey: engineLabel("values:actions.create"),
  icon: <PlusOutlined />,
  shortcut: { key: "n", alt: true },
  visible: ({ user }) => keepsCatalogue(user?.role),
  perform: (_, drawer) => drawer.open(),
});
