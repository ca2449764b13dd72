/**
 * Fault injection for the crash tests: when `LADDER_FAULT` names this point, the process dies
 * on the spot as it would under kill -9, leaving whatever it was writing half-done.
 * `LADDER_FAULT=name@N` dies the Nth time the point is reached instead of the first, so a test
 * can stop a long job at a chosen depth without racing it.
 */
type CrashPointName = "import-mid-write" | "refresh-mid-write";

let reached = 0;

export function crashPoint(name: CrashPointName): void {
  const [faultName, faultAt] = (process.env.LADDER_FAULT ?? "").split("@");
  if (faultName !== name) return;
  reached++;
  if (reached >= Number(faultAt ?? 1)) process.kill(process.pid, "SIGKILL");
}
