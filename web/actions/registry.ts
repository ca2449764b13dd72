import type { Action } from "./types.js";

const registry = new Map<string, Action<never>>();

/** Registers an action under its unique name and returns it, typed, for direct use. */
export function registerAction<Arg = void>(action: Action<Arg>): Action<Arg> {
  if (registry.has(action.name)) throw new Error(`Action ${action.name} is registered twice`);
  registry.set(action.name, action);
  return action;
}

export function findAction(name: string): Action<never> | undefined {
  return registry.get(name);
}

/** Every registered action, e.g. for a command palette or a shortcuts help page. */
export function allActions(): Action<never>[] {
  return [...registry.values()];
}
