/**
 * The main-thread face of the PGlite worker: just enough of PGlite's interface for
 * `@electric-sql/pglite/node-postgres` (waitReady and execProtocolStream), so a `pg.Pool`
 * and Drizzle run on top exactly as they do against a PostgreSQL server.
 */
import { Worker } from "node:worker_threads";
import { Parser } from "pg-protocol/dist/parser.js";
import type { BackendMessage } from "pg-protocol/dist/messages.js";
import type { WorkerRequest, WorkerResponse } from "./pglite.worker.js";

type Pending = { resolve: (bytes: Uint8Array) => void; reject: (error: Error) => void };

export class PgliteRemote {
  readonly waitReady: Promise<void>;
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;

  constructor(dataDir: string) {
    const script = new URL(
      import.meta.url.endsWith(".ts") ? "./pglite.worker.ts" : "./pglite.worker.js",
      import.meta.url,
    );
    this.worker = import.meta.url.endsWith(".ts")
      ? // Under the test runner the sources are TypeScript: load the worker through tsx.
        new Worker(
          `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))})` +
            `.then((tsx) => { tsx.register(); return import(${JSON.stringify(script.href)}); })`,
          { eval: true, workerData: { dataDir } },
        )
      : new Worker(script, { workerData: { dataDir } });
    this.waitReady = new Promise((resolve, reject) => {
      const onMessage = (message: WorkerResponse) => {
        if (message.type === "ready") resolve();
        else if (message.type === "failed") reject(new Error(message.message));
        else this.settle(message);
      };
      this.worker.on("message", onMessage);
      this.worker.once("error", (error) => {
        reject(error);
        this.failAll(error);
      });
      this.worker.once("exit", (code) => {
        if (!this.closed) this.failAll(new Error(`embedded database thread exited (${code})`));
      });
    });
    // Avoid an unhandled rejection when nobody awaits a failed start.
    this.waitReady.catch(() => undefined);
  }

  /** Runs protocol messages and returns the backend messages, as PGlite itself would. */
  async execProtocolStream(message: Uint8Array): Promise<BackendMessage[]> {
    const bytes = await this.request({ type: "exec", id: 0, bytes: message });
    const messages: BackendMessage[] = [];
    new Parser().parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), (m) =>
      messages.push(m),
    );
    return messages;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.request({ type: "close", id: 0 }).catch(() => undefined);
    this.closed = true;
    await this.worker.terminate();
  }

  private request(request: WorkerRequest): Promise<Uint8Array> {
    if (this.closed) return Promise.reject(new Error("the embedded database is closed"));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...request, id });
    });
  }

  private settle(message: WorkerResponse): void {
    if (!("id" in message)) return;
    const pending = this.pending.get(message.id);
    if (!pending) return;
    this.pending.delete(message.id);
    if (message.type === "result") pending.resolve(message.bytes);
    else if (message.type === "error") pending.reject(new Error(message.message));
    else pending.resolve(new Uint8Array());
  }

  private failAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}
