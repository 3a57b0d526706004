/**
 * Registers the offline service worker (dist/sw.js, written by scripts/build-sw.ts) from an island.
 * Pages without islands ship no JavaScript, so only island pages (planner, search, guide widgets) call it.
 */

/** Registers `${base}sw.js` with scope `base` once the page has loaded and the browser is idle; no-op in dev. */
export function registerServiceWorker(base: string): void {
  if (import.meta.env.DEV || typeof window === 'undefined' || !('serviceWorker' in navigator)) return;
  const register = () => {
    // updateViaCache "none": the browser always revalidates sw.js, so a new deploy is found on the next visit.
    navigator.serviceWorker.register(`${base}sw.js`, { scope: base, updateViaCache: 'none' }).catch(() => {
      // Offline use is an extra; the page works without it.
    });
  };
  const whenIdle = () =>
    'requestIdleCallback' in window ? requestIdleCallback(register, { timeout: 5000 }) : setTimeout(register, 1000);
  if (document.readyState === 'complete') whenIdle();
  else window.addEventListener('load', whenIdle, { once: true });
}
