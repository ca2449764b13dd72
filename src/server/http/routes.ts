/** Every feature's routes, registered in this order. A new feature adds its module here. */
import type { FastifyPluginAsync } from "fastify";
import type { AppContext } from "../context.js";
import { healthRoutes } from "./health.routes.js";
import { authRoutes } from "../auth/auth.routes.js";
import { customersRoutes } from "../customers/customers.routes.js";
import { contactsRoutes } from "../contacts/contacts.routes.js";
import { transactionsRoutes } from "../transactions/transactions.routes.js";

export type RouteModule = FastifyPluginAsync<{ context: AppContext }>;

export const routeModules: RouteModule[] = [
  healthRoutes,
  authRoutes,
  customersRoutes,
  contactsRoutes,
  transactionsRoutes,
];
