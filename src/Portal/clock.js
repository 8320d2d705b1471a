// The portal's time source. Browser tests replace it by setting window.__bonsecoursNow to a
// function that returns milliseconds since the epoch, so they can move the clock forward.
export function now() {
  return typeof window.__bonsecoursNow === "function" ? window.__bonsecoursNow() : Date.now();
}
