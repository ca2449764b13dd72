/** Every feature's routes, registered in this order. A new feature adds its module here. */
import type { FastifyPluginAsync } from "fastify";
import type { AppContext } from "../context.js";
import { healthRoutes } from "./health.routes.js";
import { authRoutes } from "../auth/auth.routes.js";
import { customersRoutes } from "../customers/customers.routes.js";
import { contactsRoutes } from "../contacts/contacts.routes.js";
import { transactionsRoutes } from "../transactions/transactions.routes.js";
import { analyticsRoutes } from "../analytics/analytics.routes.js";
import { privacyRoutes } from "../privacy/privacy.routes.js";
import { auditRoutes } from "../audit/audit.routes.js";
import { settingsRoutes } from "../settings/settings.routes.js";
import { needsRoutes } from "../needs/needs.routes.js";
import { ladderRoutes } from "../ladder/ladder.routes.js";
import { proposalsRoutes } from "../proposals/proposals.routes.js";
import { nextActionsRoutes } from "../nextActions/nextActions.routes.js";
import { customer360Routes } from "../customer360/customer360.routes.js";
import { valuesRoutes } from "../values/values.routes.js";
import { deliveriesRoutes } from "../deliveries/deliveries.routes.js";
import { interactionsRoutes } from "../interactions/interactions.routes.js";
import { interactionPlansRoutes } from "../interactions/interactionPlans.routes.js";
import { complaintsRoutes } from "../complaints/complaints.routes.js";
import { bondsRoutes } from "../bonds/bonds.routes.js";
import { segmentsRoutes } from "../segments/segments.routes.js";
import { researchRoutes } from "../research/research.routes.js";
import { importsRoutes } from "../imports/imports.routes.js";
import { exportsRoutes } from "../exports/exports.routes.js";

export type RouteModule = FastifyPluginAsync<{ context: AppContext }>;

export const routeModules: RouteModule[] = [
  healthRoutes,
  authRoutes,
  customersRoutes,
  contactsRoutes,
  transactionsRoutes,
  analyticsRoutes,
  privacyRoutes,
  auditRoutes,
  settingsRoutes,
  needsRoutes,
  ladderRoutes,
  proposalsRoutes,
  nextActionsRoutes,
  customer360Routes,
  valuesRoutes,
  deliveriesRoutes,
  interactionsRoutes,
  interactionPlansRoutes,
  complaintsRoutes,
  bondsRoutes,
  segmentsRoutes,
  researchRoutes,
  importsRoutes,
  exportsRoutes,
];
