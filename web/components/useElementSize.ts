import { useCallback, useState } from "react";

export interface Size {
  width: number;
  height: number;
}

/**
 * The content size of an element, kept current with a ResizeObserver. Returns a callback ref:
 * virtual lists need a number of pixels, not "fill the rest of the page".
 */
export function useElementSize<T extends HTMLElement>(): [(element: T | null) => void, Size] {
  const [size, setSize] = useState<Size>({ width: 0, height: 0 });
  const ref = useCallback((element: T | null) => {
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const { width, height } = entry.contentRect;
      setSize((old) =>
        old.width === Math.round(width) && old.height === Math.round(height)
          ? old
          : { width: Math.round(width), height: Math.round(height) },
      );
    });
    observer.observe(element);
    // React 19 runs a callback ref's returned function when the element goes away.
    return () => observer.disconnect();
  }, []);
  return [ref, size];
}
