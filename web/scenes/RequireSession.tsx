import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import { ErrorResult } from "../components/ErrorResult.js";
import { FullPageSpin } from "../components/FullPageSpin.js";
import { useSessionQuery } from "../session/useSession.js";

/** Renders its children for a signed-in user, else sends the browser to the login page and back. */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSessionQuery();
  const location = useLocation();
  if (session.data) return children;
  if (session.isPending) return <FullPageSpin />;
  if (session.isError) {
    return <ErrorResult error={session.error} onRetry={() => void session.refetch()} />;
  }
  const next = location.pathname + location.search;
  const search = next === "/" ? "" : `?${new URLSearchParams({ next })}`;
  return <Navigate to={`/login${search}`} replace />;
}
