// `npm start`: build when the sources are newer than the build, then serve.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { execFileSync } from "node:child_process";

const newest = (path) => {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
};
const builtAt = Math.min(newest("dist/cli/index.js") || 0, newest("dist/web/index.html") || 0);
const sourcesAt = Math.max(
  newest("src"),
  newest("web"),
  newest("package-lock.json"),
  newest("vite.config.ts"),
);
if (!builtAt || sourcesAt > builtAt) {
  process.stdout.write("Building Ladder…\n");
  execFileSync("node", ["scripts/build.js"], { stdio: "inherit" });
}
await import("../dist/cli/index.js");
