/** Administration (SPEC §11): users and roles, field grades (分级管理), retention, API tokens. */
import type { z } from "zod";
import type {
  CreateApiTokenSchema,
  CreateUserInput,
  UpdateUserInput,
} from "../../src/shared/schemas/auth.js";
import type {
  FieldGrade,
  FieldGradeList,
  RetentionSettings,
  UpdateFieldGradesInput,
  UpdateRetentionInput,
} from "../../src/shared/schemas/settings.js";
import { api } from "./client.js";
import type { User } from "./types.js";

export type {
  CreateUserInput,
  FieldGrade,
  FieldGradeList,
  RetentionSettings,
  UpdateRetentionInput,
  UpdateUserInput,
};
export type CreateApiTokenInput = z.input<typeof CreateApiTokenSchema>;
export interface CreatedApiToken {
  id: number;
  /** Shown once: the server keeps only its hash. */
  token: string;
}

export const settingsKeys = {
  fieldGrades: ["settings", "field-grades"] as const,
  retention: ["settings", "retention"] as const,
};

export function createUser(input: CreateUserInput): Promise<User> {
  return api.post<User>("/api/users", input);
}

/** Fails with ApiError `stale_write` (409) when `version` is no longer current. */
export function updateUser(id: number, input: UpdateUserInput): Promise<User> {
  return api.patch<User>(`/api/users/${id}`, input);
}

export function getFieldGrades(signal?: AbortSignal): Promise<FieldGradeList> {
  return api.get<FieldGradeList>("/api/settings/field-grades", undefined, signal);
}

/** Fails with ApiError `stale_write` (409) when `version` is no longer current. */
export function setFieldGrades(input: UpdateFieldGradesInput): Promise<FieldGradeList> {
  return api.put<FieldGradeList>("/api/settings/field-grades", input);
}

export function getRetention(signal?: AbortSignal): Promise<RetentionSettings> {
  return api.get<RetentionSettings>("/api/settings/retention", undefined, signal);
}

/** Fails with ApiError `stale_write` (409) when `version` is no longer current. */
export function setRetention(input: UpdateRetentionInput): Promise<RetentionSettings> {
  return api.put<RetentionSettings>("/api/settings/retention", input);
}

export function createApiToken(input: CreateApiTokenInput): Promise<CreatedApiToken> {
  return api.post<CreatedApiToken>("/api/auth/tokens", input);
}

export function revokeApiToken(id: number): Promise<void> {
  return api.delete<void>(`/api/auth/tokens/${id}`);
}
