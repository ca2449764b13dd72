import { useQuery } from "@tanstack/react-query";
import { fetchSession } from "../api/auth.js";
import { isApiError } from "../api/client.js";
import { sessionKey } from "../api/queryClient.js";
import type { Session, User } from "../api/types.js";

/**
 * The signed-in session: `null` when there is none (401), undefined while it loads. Login and
 * logout write this query's data directly, so every screen agrees on who is signed in.
 */
export function useSessionQuery() {
  return useQuery<Session | null>({
    queryKey: sessionKey,
    queryFn: async ({ signal }) => {
      try {
        return await fetchSession(signal);
      } catch (error) {
        if (isApiError(error) && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: Infinity,
  });
}

export function useSessionUser(): User | null {
  return useSessionQuery().data?.user ?? null;
}
