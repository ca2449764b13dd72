/**
 * Who may give the commands of the value-marketing scenes, mirroring the server's rules (the
 * server decides; these only keep buttons away from users who would get a 403).
 */
import type { ParseKeys } from "i18next";
import type { Role } from "../../src/shared/enums.js";
import type { ENGINE_NAMESPACES } from "../i18n/engineNamespaces.js";
import type { MessageKey } from "./types.js";

/** Roles that may write at all (analysts read only). */
export const WRITER_ROLES: readonly Role[] = ["admin", "marketing_manager", "account_manager"];
/** Roles that keep catalogues: value items, segments, plans not tied to one customer. */
export const CATALOGUE_ROLES: readonly Role[] = ["admin", "marketing_manager"];

export const canWrite = (role: Role | undefined) =>
  role !== undefined && WRITER_ROLES.includes(role);
export const keepsCatalogue = (role: Role | undefined) =>
  role !== undefined && CATALOGUE_ROLES.includes(role);

type EngineNamespaces = readonly (keyof typeof ENGINE_NAMESPACES)[];

/**
 * An action label from one of these scenes' namespaces ("needs:actions.record"). Actions are
 * labelled through the default `t`, which resolves the namespace prefix at run time; the key is
 * checked here, against the namespace it names.
 */
export const engineLabel = (key: ParseKeys<EngineNamespaces>): MessageKey => key as MessageKey;
