import type { ParseKeys } from "i18next";
import type { MessageKey } from "./types.js";

type LadderNamespaces = readonly ["dashboard", "ladder", "customer360"];

/**
 * An action label from the dashboard, ladder or customer 360 namespace ("ladder:move.action").
 * Actions are labelled through the default `t`, which resolves the prefix at run time; the key
 * is checked here against the namespace it names.
 */
export const sceneLabel = (key: ParseKeys<LadderNamespaces>): MessageKey => key as MessageKey;
