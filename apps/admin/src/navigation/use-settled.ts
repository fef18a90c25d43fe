import { useEffect, useState } from "react";

/**
 * A value that follows another once it has stopped changing for `delayMs`: typing in a search
 * box queries the server once per pause, not once per key.
 */
export function useSettled<T>(value: T, delayMs: number, isSame: (a: T, b: T) => boolean = Object.is): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (isSame(settled, value)) return;
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, settled, delayMs, isSame]);
  return settled;
}
