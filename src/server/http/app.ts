/** Builds the HTTP server: plugins, the error handler, authentication, every feature's routes and the web app. */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { randomUUID } from "node:crypto";
import Fastify, { type FastifyServerOptions } from "fastify";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import fastifyStatic from "@fastify/static";
import compress from "@fastify/compress";
import { constants as zlib } from "node:zlib";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import type { AppContext } from "../context.js";
import { errorHandler } from "./errorHandler.js";
import { authPlugin } from "./auth.plugin.js";
import { accessPlugin, type Access } from "./access.plugin.js";
import { metricsPlugin } from "./metrics.plugin.js";
import { routeModules } from "./routes.js";

export interface RouteInfo {
  method: string;
  url: string;
  access: Access | undefined;
}

declare module "fastify" {
  interface FastifyInstance {
    routeTable: RouteInfo[];
  }
}

export interface AppOptions {
  context: AppContext;
  logger?: FastifyServerOptions["logger"];
  /** Folder of the built web app; served at / when it exists. */
  webRoot?: string;
}

const defaultWebRoot = fileURLToPath(new URL("../../../dist/web", import.meta.url));

export async function buildApp({ context, logger = false, webRoot = defaultWebRoot }: AppOptions) {
  const app = Fastify({
    logger,
    bodyLimit: 1024 * 1024,
    genReqId: (req) => {
      const given = req.headers["x-request-id"];
      return typeof given === "string" && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
    },
    ajv: { customOptions: { coerceTypes: false } },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.addHook("onSend", async function echoRequestId(request, reply) {
    reply.header("x-request-id", request.id);
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
      },
    },
  });
  // JSON lists, the 360 view and the web app's scripts and styles shrink several times over;
  // a brotli quality of 4 compresses about as well as gzip's best at a fraction of the CPU.
  await app.register(compress, {
    encodings: ["br", "gzip"],
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } },
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: {
        title: "Ladder API",
        version: "1",
        description: "Customer-centric value-marketing CRM",
      },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "ladder_session" },
          token: { type: "http", scheme: "bearer" },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs", uiConfig: { docExpansion: "list" } });
  app.get("/api/openapi.json", { config: { access: "public" }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
  // The route table (method, url, declared access) for the authorisation matrix and audits.
  const routeTable: RouteInfo[] = [];
  app.addHook("onRoute", (route) => {
    for (const method of [route.method].flat()) {
      if (method !== "HEAD")
        routeTable.push({ method, url: route.url, access: route.config?.access });
    }
  });
  app.decorate("routeTable", routeTable);
  await app.register(metricsPlugin);
  await app.register(authPlugin, { context });
  await app.register(accessPlugin, { context });

  for (const register of routeModules) await app.register(register, { context });

  if (existsSync(webRoot)) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false });
    // Client-side routes: any other GET outside /api gets the app's index.html.
    app.setNotFoundHandler((request, reply) => {
      if (request.method === "GET" && !request.url.startsWith("/api/"))
        return reply.sendFile("index.html");
      return reply.status(404).send({
        error: {
          id: "not_found",
          message: `No route ${request.method} ${request.url.split("?")[0]}`,
        },
      });
    });
  } else {
    app.setNotFoundHandler((request, reply) =>
      reply.status(404).send({
        error: {
          id: "not_found",
          message: `No route ${request.method} ${request.url.split("?")[0]}`,
        },
      }),
    );
  }
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
