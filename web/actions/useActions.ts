import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { useTranslation } from "react-i18next";
import { isLanguage } from "../i18n/index.js";
import { useSessionUser } from "../session/useSession.js";
import type { Action, ActionContext, Shortcut } from "./types.js";

export function useActionContext(): ActionContext {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const user = useSessionUser();
  const { i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : "en";
  return useMemo(
    () => ({ navigate, queryClient, user, language }),
    [navigate, queryClient, user, language],
  );
}

export interface BoundAction {
  name: string;
  label: string;
  icon: Action<never>["icon"];
  visible: boolean;
  enabled: boolean;
  running: boolean;
  run: () => Promise<void>;
}

/** Binds an action to the current context and argument, ready for a button or menu item. */
export function useAction<Arg>(action: Action<Arg>, arg: Arg): BoundAction {
  const context = useActionContext();
  const { t } = useTranslation();
  const [running, setRunning] = useState(false);
  const visible = action.visible?.(context, arg) ?? true;
  const enabled = visible && !running && (action.enabled?.(context, arg) ?? true);
  const run = useCallback(async () => {
    if (!enabled) return;
    setRunning(true);
    try {
      await action.perform(context, arg);
    } finally {
      setRunning(false);
    }
  }, [action, arg, context, enabled]);
  return {
    name: action.name,
    label: t(action.labelKey),
    icon: action.icon,
    visible,
    enabled,
    running,
    run,
  };
}

export function matchesShortcut(event: KeyboardEvent, shortcut: Shortcut): boolean {
  const mod = event.ctrlKey || event.metaKey;
  return (
    event.key.toLowerCase() === shortcut.key.toLowerCase() &&
    mod === Boolean(shortcut.mod) &&
    event.shiftKey === Boolean(shortcut.shift) &&
    event.altKey === Boolean(shortcut.alt)
  );
}

/** Performs the given actions when their shortcut is pressed anywhere on the page. */
export function useActionShortcuts<Arg>(actions: readonly Action<Arg>[], arg: Arg): void {
  const context = useActionContext();
  const latest = useRef({ actions, arg, context });
  latest.current = { actions, arg, context };
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const { actions, arg, context } = latest.current;
      for (const action of actions) {
        if (!action.shortcut || !matchesShortcut(event, action.shortcut)) continue;
        const allowed =
          (action.visible?.(context, arg) ?? true) && (action.enabled?.(context, arg) ?? true);
        if (!allowed) continue;
        event.preventDefault();
        void action.perform(context, arg);
        return;
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
}
