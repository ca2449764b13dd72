import type { z } from "zod";

/** Validates CLI input with the API's schema and explains the first problem like the API does. */
export function parseOrExplain<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.join(".") || "input";
  throw new Error(`${field}: ${issue.message}`);
}
