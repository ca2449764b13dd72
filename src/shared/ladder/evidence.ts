/**
 * What the ladder rules know about one customer: a plain record gathered from purchases,
 * deliveries, needs, complaints, interactions and scores. The server fills it (set-based, for
 * many customers at once); the rules in this folder only read it.
 */
import type { CustomerKind, Stage } from "../enums.js";

export interface CustomerEvidence {
  customerId: number;
  kind: CustomerKind;
  stage: Stage;
  stageSince: Date;
  /** For a customer in problem: the stage it fell from, when the history tells. */
  fellFrom: Stage | null;
  /** Distinct purchase days (a repeat purchase makes it 2). */
  purchaseDays: number;
  firstPurchaseAt: Date | null;
  lastPurchaseAt: Date | null;
  revenueCents: number;
  costCents: number;
  deliveriesAccepted: number;
  deliveriesPartly: number;
  deliveriesRejected: number;
  needsTotal: number;
  needsMet: number;
  /** Core needs not yet met (open, being met or deferred): they block every upgrade (SPEC §3). */
  openCoreNeeds: number;
  openComplaints: number;
  /** Open complaints past their step's due time. */
  overdueComplaints: number;
  /** Complaints closed since the customer entered its current stage. */
  complaintsClosedInStage: number;
  /** Interactions of the last 12 months, from the customer to us and from us to the customer. */
  inboundRecent: number;
  outboundRecent: number;
  lastInboundAt: Date | null;
  /** How close the relationship is (1–5), graded internal. */
  closeness: number | null;
  /** Willingness to cooperate (1–5), graded internal. */
  willingness: number | null;
  /** Probability the customer is still alive (BG/NBD) from the latest published scores. */
  pAlive: number | null;
  contacts: number;
  /** Share (0–1) of the key profile fields filled in. */
  profileCompleteness: number;
  /** A way to reach the customer is on file (phone, email, or a contact's). */
  hasMedium: boolean;
}

/**
 * One piece of evidence, as the API shows it: a machine key (the web app translates by it), its
 * value and an English sentence. `field` names the customer field it reveals, so the presenter
 * can drop it for readers whose grade does not allow that field.
 */
export interface EvidenceItem {
  key: string;
  value: number | string | boolean | null;
  text: string;
  field?: string;
}

export const isoDay = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);
