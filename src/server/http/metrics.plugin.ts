/**
 * Prometheus metrics at /metrics: request rate, latency and errors per route pattern (never
 * per id, so no personal data and bounded cardinality), plus durations of long jobs.
 */
import fp from "fastify-plugin";
import type { FastifyInstance } from "fastify";
import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";

export const registry = new Registry();
collectDefaultMetrics({ register: registry });

const requestDuration = new Histogram({
  name: "ladder_http_request_duration_seconds",
  help: "HTTP request latency by method, route pattern and status class",
  labelNames: ["method", "route", "status"],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

const serverErrors = new Counter({
  name: "ladder_http_server_errors_total",
  help: "Responses with a 5xx status",
  labelNames: ["route"],
  registers: [registry],
});

/** Durations of imports, exports and analytics refreshes. */
export const jobDuration = new Histogram({
  name: "ladder_job_duration_seconds",
  help: "Duration of long jobs by kind and outcome",
  labelNames: ["job", "outcome"],
  buckets: [0.1, 0.5, 1, 5, 10, 30, 60, 300, 1800],
  registers: [registry],
});

/** Times `work` into the job histogram. */
export async function timeJob<T>(job: string, work: () => Promise<T>): Promise<T> {
  const end = jobDuration.startTimer({ job });
  try {
    const result = await work();
    end({ outcome: "ok" });
    return result;
  } catch (error) {
    end({ outcome: "failed" });
    throw error;
  }
}

export const metricsPlugin = fp(async function metricsPlugin(app: FastifyInstance) {
  app.addHook("onResponse", async function observe(request, reply) {
    const route = request.routeOptions.url ?? "unmatched";
    const status = `${Math.floor(reply.statusCode / 100)}xx`;
    requestDuration.observe({ method: request.method, route, status }, reply.elapsedTime / 1000);
    if (reply.statusCode >= 500) serverErrors.inc({ route });
  });
  app.get(
    "/metrics",
    { config: { access: "public" }, schema: { hide: true } },
    async (_request, reply) => {
      reply.header("content-type", registry.contentType);
      return registry.metrics();
    },
  );
});
