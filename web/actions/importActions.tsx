import { CheckOutlined, CloudUploadOutlined, ReloadOutlined } from "@ant-design/icons";
import { canWrite, engineLabel } from "./engineAccess.js";
import { registerAction } from "./registry.js";

/** The import wizard's commands, as its steps see them. */
export interface ImportWizard {
  busy: boolean;
  canCheck: boolean;
  canRun: boolean;
  check: () => Promise<void>;
  run: () => Promise<void>;
  restart: () => void;
}

/** Checks the file on the server (a dry run) and shows every bad line. */
export const checkImportAction = registerAction<ImportWizard>({
  name: "imports.check",
  labelKey: engineLabel("imports:actions.check"),
  icon: <CheckOutlined />,
  visible: ({ user }) => canWrite(user?.role),
  enabled: (_, wizard) => wizard.canCheck && !wizard.busy,
  perform: (_, wizard) => wizard.check(),
});

/** Imports the checked file, all or nothing. */
export const runImportAction = registerAction<ImportWizard>({
  name: "imports.run",
  labelKey: engineLabel("imports:actions.run"),
  icon: <CloudUploadOutlined />,
  visible: ({ user }) => canWrite(user?.role),
  enabled: (_, wizard) => wizard.canRun && !wizard.busy,
  perform: (_, wizard) => wizard.run(),
});

export const restartImportAction = registerAction<ImportWizard>({
  name: "imports.restart",
  labelKey: engineLabel("imports:actions.restart"),
  icon: <ReloadOutlined />,
  enabled: (_, wizard) => !wizard.busy,
  perform: (_, wizard) => wizard.restart(),
});
