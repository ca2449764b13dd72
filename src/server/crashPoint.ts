/**
 * Fault injection for the crash tests: when `LADDER_FAULT` names this point, the process dies
 * on the spot as it would under kill -9, leaving whatever it was writing half-done.
 */
export function crashPoint(name: "import-mid-write" | "refresh-mid-write"): void {
  if (process.env.LADDER_FAULT === name) process.kill(process.pid, "SIGKILL");
}
