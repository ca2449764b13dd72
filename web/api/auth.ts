import { api, setCsrfToken } from "./client.js";
import type { Session } from "./types.js";

export async function login(email: string, password: string): Promise<Session> {
  const session = await api.post<Session>("/api/auth/login", { email, password });
  setCsrfToken(session.csrfToken);
  return session;
}

/** The current session, or an ApiError with status 401 when there is none. */
export async function fetchSession(signal?: AbortSignal): Promise<Session> {
  const session = await api.get<Session>("/api/auth/me", undefined, signal);
  setCsrfToken(session.csrfToken);
  return session;
}

export async function logout(): Promise<void> {
  try {
    await api.post<void>("/api/auth/logout");
  } finally {
    setCsrfToken(null);
  }
}
