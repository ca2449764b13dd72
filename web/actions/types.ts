import type { ReactNode } from "react";
import type { QueryClient } from "@tanstack/react-query";
import type { NavigateFunction } from "react-router";
import type { ParseKeys } from "i18next";
import type { User } from "../api/types.js";
import type { Language } from "../i18n/index.js";

/** Any message key of the translation files. */
export type MessageKey = ParseKeys;

/** What every action may use: the app's services, never a component's internals. */
export interface ActionContext {
  navigate: NavigateFunction;
  queryClient: QueryClient;
  user: User | null;
  language: Language;
}

/** A key combination; `mod` is Ctrl, or Cmd on a Mac. */
export interface Shortcut {
  key: string;
  mod?: boolean;
  shift?: boolean;
  alt?: boolean;
}

/**
 * A command the user can give, defined once and shown as a button, a menu item or a shortcut
 * alike. `Arg` carries what the command works on (e.g. the scene's edit state).
 */
export interface Action<Arg = void> {
  /** Stable, unique, dotted: "session.logout", "customer.save". */
  name: string;
  labelKey: MessageKey;
  icon?: ReactNode;
  shortcut?: Shortcut;
  /** Offered but greyed out when false; defaults to enabled. */
  enabled?: (context: ActionContext, arg: Arg) => boolean;
  /** Not offered at all when false (e.g. admin-only); defaults to visible. */
  visible?: (context: ActionContext, arg: Arg) => boolean;
  perform: (context: ActionContext, arg: Arg) => void | Promise<void>;
}
