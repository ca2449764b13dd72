/**
 * The closed vocabularies of Ladder (SPEC.md). One list each, shared by the database schema,
 * the API schemas, the CLI and the web app, so a value means the same thing everywhere.
 */

/** The eight relationship stages of SPEC §2, in ladder order. */
export const STAGES = [
  "potential",
  "target",
  "new",
  "old",
  "core",
  "strategic",
  "problem",
  "exited",
] as const;
export type Stage = (typeof STAGES)[number];

export const ROLES = ["admin", "marketing_manager", "account_manager", "analyst"] as const;
export type Role = (typeof ROLES)[number];

export const CUSTOMER_KINDS = ["organization", "individual"] as const;
export type CustomerKind = (typeof CUSTOMER_KINDS)[number];

/** Customer type by purpose (SPEC §1). */
export const CUSTOMER_PURPOSES = ["consumer", "intermediary", "public_interest"] as const;
export type CustomerPurpose = (typeof CUSTOMER_PURPOSES)[number];

/** Scale and strength, a segmentation attribute. */
export const SCALES = ["micro", "small", "medium", "large", "enterprise"] as const;
export type Scale = (typeof SCALES)[number];

export const GENDERS = ["female", "male", "other"] as const;

/** Where a piece of customer information came from (SPEC §1). */
export const SOURCE_CHANNELS = [
  "conversation",
  "marketing_event",
  "after_sales",
  "website",
  "publication",
  "consultancy_report",
] as const;
export const SOURCE_METHODS = [
  "interview",
  "observation",
  "questionnaire",
  "complaint",
  "club",
  "purchase",
] as const;

export const CONTACT_BUYING_ROLES = [
  "decision_maker",
  "purchaser",
  "influencer",
  "user",
  "gatekeeper",
] as const;

/** Needs (SPEC §3). */
export const NEED_LEVELS = ["core", "additional", "potential"] as const;
export type NeedLevel = (typeof NEED_LEVELS)[number];
export const NEED_KINDS = [
  "quality",
  "service",
  "emotional",
  "information",
  "benefit",
  "brand",
] as const;
export type NeedKind = (typeof NEED_KINDS)[number];
export const NEED_STATUSES = ["open", "being_met", "met", "deferred", "declined"] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];
export const NEED_SOURCES = ["research", "interaction", "complaint"] as const;
export const HUMAN_NEED_LEVELS = [
  "physiological",
  "safety",
  "social",
  "esteem",
  "self_actualisation",
] as const;

/** Company value (SPEC §4). Kinds are open-ended: these nine are the defaults. */
export const VALUE_SCOPES = ["core", "additional", "potential"] as const;
export const VALUE_KINDS = [
  "product",
  "service",
  "people",
  "model",
  "technology",
  "customer_resources",
  "brand",
  "social",
  "historical",
] as const;
export const VALUE_LIFECYCLES = ["emerging", "growing", "mature", "declining"] as const;
/** The value-creation dimensions of SPEC §4, each a move from the first pole to the second. */
export const VALUE_DIMENSIONS = [
  "short_to_long_term",
  "basic_to_attractive",
  "complex_to_core",
  "loose_to_systemic",
  "functional_to_emotional",
  "perceived_to_understood",
  "hidden_to_visible",
  "public_to_private",
  "limited_to_crisis_help",
  "everyday_to_varied",
  "general_to_special",
  "individual_to_group",
  "self_to_family",
  "separate_to_joined_services",
  "analysis_to_customer_finance",
  "questions_to_anticipated_expectations",
  "passive_to_education",
  "vertical_difference_to_horizontal_sameness",
  "cost_to_efficiency_value",
  "customer_to_cooperation_value",
] as const;

/** Value delivery (SPEC §5). */
export const DELIVERY_STATUSES = ["planned", "delivered", "evaluated", "cancelled"] as const;
export const DELIVERY_OUTCOMES = ["accepted", "partly", "rejected"] as const;

/** Interaction (SPEC §10). */
export const INTERACTION_CHANNELS = [
  "face_to_face",
  "letter",
  "email",
  "website",
  "phone",
  "messaging",
  "media",
  "environment",
  "event",
] as const;
export const INTERACTION_CONTENT = ["information", "emotion", "opinion"] as const;
export const INTERACTION_DIRECTIONS = ["inbound", "outbound"] as const;

/** Complaints (SPEC §10): the four steps, then closed. */
export const COMPLAINT_STEPS = ["listen", "record", "propose", "follow_up", "closed"] as const;
export type ComplaintStep = (typeof COMPLAINT_STEPS)[number];
export const COMPLAINT_CAUSES = [
  "product",
  "service",
  "staff",
  "environment",
  "misuse",
  "expectation",
] as const;
export const SATISFACTION_GRADES = ["tolerates", "satisfied", "delighted"] as const;

/** Relationship-marketing bond levels (SPEC §9). */
export const BOND_LEVELS = ["financial", "social", "structural"] as const;

/** Segments (SPEC §6). */
export const SEGMENT_DECISIONS = ["pursue", "maintain", "give_up"] as const;
export const MARKETING_MODES = ["mass", "frequency", "customised"] as const;

export const PROPOSAL_STATUSES = ["open", "accepted", "rejected", "stale"] as const;

/** Field sensitivity grades (SPEC §11), ordered from least to most sensitive. */
export const GRADES = ["public", "internal", "confidential"] as const;
export type Grade = (typeof GRADES)[number];
