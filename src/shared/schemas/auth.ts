/** Login, users and API tokens. */
import { z } from "zod";
import { ROLES } from "../enums.js";
import { IdSchema, VersionSchema, shortText } from "./common.js";

export const LoginSchema = z.strictObject({
  email: z.string().trim().min(1).max(200),
  password: z.string().min(1).max(200),
});
export type LoginInput = z.infer<typeof LoginSchema>;

export const UserSchema = z.object({
  id: z.number(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  teamId: z.number().nullable(),
  teamName: z.string().nullable().optional(),
  locale: z.string(),
  active: z.boolean(),
  version: z.number(),
});
export type User = z.infer<typeof UserSchema>;

export const SessionSchema = z.object({ user: UserSchema, csrfToken: z.string() });

export const CreateUserSchema = z.strictObject({
  email: z.email().max(200),
  name: shortText().min(1),
  /** At least 10 characters. */
  password: z.string().min(10).max(200),
  role: z.enum(ROLES),
  /** The team's name; created when new. */
  team: shortText().min(1).optional(),
  locale: z.enum(["zh-CN", "en"]).optional(),
});
export type CreateUserInput = z.infer<typeof CreateUserSchema>;

export const UpdateUserSchema = z.strictObject({
  version: VersionSchema,
  name: shortText().min(1).optional(),
  role: z.enum(ROLES).optional(),
  active: z.boolean().optional(),
  team: shortText().min(1).nullable().optional(),
  locale: z.enum(["zh-CN", "en"]).optional(),
  password: z.string().min(10).max(200).optional(),
});
export type UpdateUserInput = z.infer<typeof UpdateUserSchema>;

export const CreateApiTokenSchema = z.strictObject({
  name: shortText().min(1),
  scopes: z.array(z.enum(["read", "write", "admin"])).min(1),
  /** Days until it expires; none means it lasts until revoked. */
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});

export const UserIdParamsSchema = z.strictObject({ id: IdSchema });
