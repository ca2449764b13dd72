import type { Command } from "commander";
import { serve } from "../../server/serve.js";

export function registerServeCommand(program: Command): void {
  program
    .command("serve")
    .description(
      "serve the API and web app (PORT, LADDER_DATA_DIR or DATABASE_URL from the environment)",
    )
    .action(() => serve());
}
