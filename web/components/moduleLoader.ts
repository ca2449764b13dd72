import { useSyncExternalStore } from "react";

export interface ModuleLoader<T> {
  /** Starts fetching the module (once); safe to call early and often. */
  preload(): void;
  /** The module once it has arrived, else undefined; rerenders when it does, throws if it failed. */
  useModule(): T | undefined;
}

type State<T> = { module?: T; error?: unknown };

/**
 * Code fetched on demand and handed to React without Suspense. React holds back the content of
 * a Suspense boundary until 300 ms after its fallback appeared, so a scene whose panels arrive
 * one by one would pay that wait again and again; a scene can also start the fetch before it
 * renders at all (with its data), and a module already here is used at once.
 */
export function moduleLoader<T>(load: () => Promise<T>): ModuleLoader<T> {
  let state: State<T> = {};
  let pending: Promise<void> | null = null;
  const listeners = new Set<() => void>();
  const settle = (next: State<T>) => {
    state = next;
    for (const listener of listeners) listener();
  };
  const preload = () => {
    if (state.module || pending) return;
    pending = load().then(
      (module) => settle({ module }),
      (error: unknown) => {
        // A failed chunk (say, after a deploy) is tried again on the next preload.
        pending = null;
        settle({ error });
      },
    );
  };
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    preload();
    return () => listeners.delete(listener);
  };
  const snapshot = () => state;
  return {
    preload,
    useModule() {
      const current = useSyncExternalStore(subscribe, snapshot);
      if (current.error !== undefined) throw current.error;
      return current.module;
    },
  };
}
