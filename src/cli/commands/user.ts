import type { Command } from "commander";
import { ROLES } from "../../shared/enums.js";
import { CreateUserSchema } from "../../shared/schemas/auth.js";
import { createUser } from "../../server/users/createUser.js";
import { withDatabase } from "../cliContext.js";
import { parseOrExplain } from "../parseOrExplain.js";

export function registerUserCommand(program: Command): void {
  const user = program.command("user").description("manage users");
  user
    .command("add")
    .description("create a user (how the first admin of a new installation is made)")
    .requiredOption("--email <email>", "login email")
    .requiredOption("--password <password>", "at least 10 characters")
    .requiredOption("--role <role>", `one of ${ROLES.join(", ")}`)
    .option("--name <name>", "display name (default: the email's local part)")
    .option("--team <team>", "team name (created when new)")
    .action(
      async (options: {
        email: string;
        password: string;
        role: string;
        name?: string;
        team?: string;
      }) => {
        const input = parseOrExplain(CreateUserSchema, {
          ...options,
          name: options.name ?? options.email.split("@")[0],
        });
        const created = await withDatabase((database) =>
          createUser({ db: database.db, actor: null, input }),
        );
        process.stdout.write(`Created ${created.role} ${created.email} (id ${created.id})\n`);
      },
    );
}
