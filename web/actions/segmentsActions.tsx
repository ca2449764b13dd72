import { DownloadOutlined, SaveOutlined } from "@ant-design/icons";
import { engineLabel, keepsCatalogue } from "./engineAccess.js";
import { registerAction } from "./registry.js";

/** Saves a customer filter (the list's, or a drill-down group's) as a segment. */
export const saveAsSegmentAction = registerAction<{ open: () => void }>({
  name: "segments.saveFilter",
  labelKey: engineLabel("segments:actions.saveFilter"),
  icon: <SaveOutlined />,
  visible: ({ user }) => keepsCatalogue(user?.role),
  perform: (_, dialog) => dialog.open(),
});

/** Downloads the customers of the current view as CSV or xlsx. */
export const exportCustomersAction = registerAction<{ download: () => void }>({
  name: "customers.export",
  labelKey: engineLabel("segments:actions.export"),
  icon: <DownloadOutlined />,
  perform: (_, view) => view.download(),
});
