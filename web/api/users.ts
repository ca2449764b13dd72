import { api } from "./client.js";
import type { User } from "./types.js";

export const userKeys = { all: ["users"] as const };

/** Every user; the server allows it to administrators and marketing managers only. */
export async function listUsers(signal?: AbortSignal): Promise<User[]> {
  const page = await api.get<{ items: User[] }>("/api/users", undefined, signal);
  return page.items;
}
