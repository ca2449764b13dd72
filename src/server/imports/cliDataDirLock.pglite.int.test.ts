import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../db/client.js";

/** Runs the CLI as a user would (a separate process) and collects its output. */
function ladder(args: string[], env: Record<string, string>) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>(
    (resolve, reject) => {
      const child = spawn("npx", ["tsx", "src/cli/index.ts", ...args], {
        env: { ...process.env, DATABASE_URL: "", ...env },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      child.on("error", reject);
      child.on("close", (status) => resolve({ status, stdout, stderr }));
    },
  );
}

describe("the CLI against an embedded data folder", () => {
  it(
    "refuses cleanly while a server holds the folder, and proceeds once it is free",
    { timeout: 120_000 },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "ladder-cli-lock-"));
      const dataDir = join(dir, "data");
      const addAdmin = [
        "user",
        "add",
        "--email",
        "first@lock.test",
        "--password",
        "lock-test-password",
        "--role",
        "admin",
      ];
      try {
        const server = await openDatabase({ dataDir }); // what a running server holds
        try {
          const refused = await ladder(addAdmin, { LADDER_DATA_DIR: dataDir });
          expect(refused.status).toBe(1);
          expect(refused.stderr).toMatch(
            new RegExp(`in use by another Ladder process \\(pid ${process.pid}\\)`),
          );
          expect(refused.stderr).not.toMatch(/\bat .+\.[jt]s:\d+/); // a message, not a stack trace
        } finally {
          await server.close();
        }
        const free = await ladder(addAdmin, { LADDER_DATA_DIR: dataDir });
        expect(free.stderr).not.toMatch(/in use/);
        expect(free.stdout).toMatch(/Created admin first@lock.test/);
        expect(free.status).toBe(0);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
