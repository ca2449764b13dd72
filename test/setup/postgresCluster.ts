/**
 * Starts a throwaway PostgreSQL cluster on loopback for the "postgres" test project, builds a
 * migrated template database that every test file clones, and removes it all afterwards.
 * A missing PostgreSQL fails the run: the suite never silently skips the server half.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, chownSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer } from "node:net";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../src/server/db/client.js";
import { migrateDatabase } from "../../src/server/db/migrate.js";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

function findBinDir(): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, "bin", "initdb")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions[0]) return join(root, versions[0], "bin");
  const which = spawnSync("sh", ["-c", "dirname $(command -v initdb)"], { encoding: "utf8" });
  if (which.status === 0 && which.stdout.trim()) return which.stdout.trim();
  throw new Error(
    "PostgreSQL server binaries (initdb, pg_ctl) were not found. Install Debian's `postgresql` " +
      "package (see .ci/run); the integration suite runs on a real server as well as on PGlite.",
  );
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(),
      );
    });
  });

export default async function setup(project: TestProject) {
  const bin = findBinDir();
  const dir = mkdtempSync(join(tmpdir(), "ladder-pg-"));
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  // initdb refuses to run as root: run the server as the postgres user then.
  const run = (command: string, args: string[]) => {
    if (asRoot) {
      const line = [join(bin, command), ...args].map((a) => `'${a}'`).join(" ");
      execFileSync("su", ["postgres", "-s", "/bin/sh", "-c", line], { stdio: "pipe" });
    } else {
      execFileSync(join(bin, command), args, { stdio: "pipe" });
    }
  };
  if (asRoot) chownSync(dir, Number(execFileSync("id", ["-u", "postgres"]).toString()), 0);
  const data = join(dir, "data");
  run("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]);
  run("pg_ctl", [
    "-D",
    data,
    "-o",
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
    "-l",
    join(dir, "log"),
    "-w",
    "start",
  ]);

  const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const admin = await openDatabase({ url: adminUrl, max: 1 });
  await admin.pool.query("CREATE DATABASE ladder_template");
  await admin.close();
  const template = await openDatabase({
    url: `postgres://postgres@127.0.0.1:${port}/ladder_template`,
    max: 1,
  });
  await migrateDatabase(template);
  await template.close();

  project.provide("postgresUrl", adminUrl);
  return () => {
    try {
      run("pg_ctl", ["-D", data, "-m", "immediate", "stop"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
