/** Who is acting: a logged-in user, an API token's user, or the CLI acting as a user. */
import type { Grade, Role } from "../../shared/enums.js";

export interface Actor {
  id: number;
  name: string;
  role: Role;
  teamId: number | null;
  /** What an API token may do; cookie sessions and the CLI have every scope. */
  scopes: readonly Scope[];
  /** How the actor authenticated: cookie sessions need CSRF checks, tokens do not. */
  via: "session" | "token" | "cli";
}

export const SCOPES = ["read", "write", "admin"] as const;
export type Scope = (typeof SCOPES)[number];

/** The most sensitive field grade each role may read (SPEC §11, 分级管理). */
export const ROLE_GRADE: Record<Role, Grade> = {
  admin: "confidential",
  account_manager: "confidential",
  marketing_manager: "internal",
  analyst: "public",
};
