/** Opaque keyset cursors: the last row's sort value and id, base64url JSON. */
import { z } from "zod";
import { ValidationError } from "./errors.js";

const CursorSchema = z.object({ value: z.union([z.string(), z.number()]), id: z.number().int() });
export type Cursor = z.infer<typeof CursorSchema>;

export const encodeCursor = (cursor: Cursor) =>
  Buffer.from(JSON.stringify(cursor)).toString("base64url");

export function decodeCursor(text: string): Cursor {
  try {
    return CursorSchema.parse(JSON.parse(Buffer.from(text, "base64url").toString("utf8")));
  } catch {
    throw ValidationError("cursor", "cursor: not a cursor this API returned");
  }
}
