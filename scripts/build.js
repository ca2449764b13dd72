// Builds the server and CLI (tsc), copies the SQL migrations beside them, and builds the web app.
import { cpSync, rmSync } from "node:fs";
import { execFileSync } from "node:child_process";

const run = (command, args) => execFileSync(command, args, { stdio: "inherit" });
rmSync("dist/server", { recursive: true, force: true });
run("npx", ["tsc", "-p", "tsconfig.build.json"]);
cpSync("src/server/db/migrations", "dist/server/db/migrations", { recursive: true });
run("npx", ["vite", "build", "--logLevel", "warn"]);
