import { type MouseEvent, useCallback, useMemo, useSyncExternalStore } from "react";
import { hrefOf, type Place, parsePlace } from "./places.js";

/* Client-side navigation on the History API: small enough not to need a router library. */

const NAVIGATED = "revita:navigate";

function subscribe(onChange: () => void): () => void {
  window.addEventListener("popstate", onChange);
  window.addEventListener(NAVIGATED, onChange);
  return () => {
    window.removeEventListener("popstate", onChange);
    window.removeEventListener(NAVIGATED, onChange);
  };
}

const currentUrl = () => window.location.pathname + window.location.search;

/**
 * Goes to a place. `replace` is for changes that refine the same view (typing in a filter),
 * so that Back returns to the previous view, not to every keystroke.
 */
export function navigate(place: Place, { replace = false } = {}): void {
  const href = hrefOf(place);
  if (href === currentUrl()) return;
  if (replace) window.history.replaceState(null, "", href);
  else {
    window.history.pushState(null, "", href);
    window.scrollTo({ top: 0 });
  }
  window.dispatchEvent(new Event(NAVIGATED));
}

export function usePlace(): Place {
  const url = useSyncExternalStore(subscribe, currentUrl);
  return useMemo(() => {
    const [pathname = "/", search = ""] = url.split("?");
    return parsePlace(pathname, search);
  }, [url]);
}

/** onClick for a link to a place: a plain click navigates in the page; ctrl-click opens a tab. */
export function useFollow(): (place: Place) => (event: MouseEvent<HTMLAnchorElement>) => void {
  return useCallback(
    (place: Place) => (event: MouseEvent<HTMLAnchorElement>) => {
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
      event.preventDefault();
      navigate(place);
    },
    [],
  );
}
