/**
 * Owns the embedded PGlite database on its own thread, so long queries never block the
 * event loop that serves HTTP. It speaks raw PostgreSQL wire protocol with the main thread
 * (see pgliteRemote.ts), which keeps the `pg` driver and Drizzle unchanged on top.
 */
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

export type WorkerRequest =
  { type: "exec"; id: number; bytes: Uint8Array } | { type: "close"; id: number };
export type WorkerResponse =
  | { type: "ready" }
  | { type: "failed"; message: string }
  | { type: "result"; id: number; bytes: Uint8Array }
  | { type: "error"; id: number; message: string }
  | { type: "closed"; id: number };

const port = parentPort;
if (!port) throw new Error("pglite.worker must run as a worker thread");
const { dataDir } = workerData as { dataDir: string };

const post = (message: WorkerResponse, transfer: ArrayBuffer[] = []) =>
  port.postMessage(message, transfer);

let db: PGlite;
try {
  db = await PGlite.create(dataDir, { extensions: { pg_trgm } });
  post({ type: "ready" });
} catch (error) {
  post({ type: "failed", message: error instanceof Error ? error.message : String(error) });
  throw error;
}

// Requests arrive in order from a single connection; run them strictly one after another.
let queue: Promise<void> = Promise.resolve();
port.on("message", (request: WorkerRequest) => {
  queue = queue.then(() => handle(request));
});

async function handle(request: WorkerRequest): Promise<void> {
  if (request.type === "close") {
    await db.close();
    post({ type: "closed", id: request.id });
    return;
  }
  try {
    const out = await db.execProtocolRaw(request.bytes);
    // Copy into a buffer we own so it can be transferred without touching WASM memory.
    const bytes = new Uint8Array(out);
    post({ type: "result", id: request.id, bytes }, [bytes.buffer as ArrayBuffer]);
  } catch (error) {
    post({
      type: "error",
      id: request.id,
      message: error instanceof Error ? error.message : String(error),
    });
  }
}
