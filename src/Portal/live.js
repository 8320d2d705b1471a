// Live updates from the API's server-sent-event streams. EventSource cannot send the bearer
// token, so the stream is read with fetch() and parsed here line by line.
import { currentSession } from "./api.js";

const firstRetryDelay = 1000;
const maximumRetryDelay = 30000;

// Opens the stream at path (under /api/v1) and calls onEvent(type, data) for each event.
// A dropped stream is opened again after 1 s, then 2 s, 4 s… up to 30 s.
// onReconnect runs after every successful reconnection, so the screen can reload what it
// missed, and onConnectionChange(connected) lets the screen show whether it is live.
export function openLiveStream(path, { onEvent, onReconnect, onConnectionChange }) {
  const controller = new AbortController();
  let closed = false;
  let connectedBefore = false;
  let delay = firstRetryDelay;

  async function run() {
    while (!closed) {
      const session = currentSession();
      if (!session) return;
      try {
        const response = await fetch(`/api/v1${path}`, {
          headers: { "Accept": "text/event-stream", "Authorization": `Bearer ${session.accessToken}` },
          signal: controller.signal,
        });
        // An expired session is handled by the next ordinary API request, so the stream just stops.
        if (response.status === 401 || response.status === 403) return;
        if (response.ok && response.body) {
          onConnectionChange?.(true);
          if (connectedBefore) onReconnect?.();
          connectedBefore = true;
          delay = firstRetryDelay;
          await readEvents(response.body, onEvent);
        }
      } catch {
        // A network error or the abort from close(): the loop below decides whether to retry.
      }
      if (closed) return;
      onConnectionChange?.(false);
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, maximumRetryDelay);
    }
  }

  run();
  return {
    close() {
      closed = true;
      controller.abort();
    },
  };
}

// Parses the text/event-stream format: "event:" and "data:" lines, an empty line ends an event.
async function readEvents(body, onEvent) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  let type = "message";
  let data = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end;
    while ((end = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, end).replace(/\r$/, "");
      buffer = buffer.slice(end + 1);
      if (line === "") {
        if (data.length > 0) dispatch(onEvent, type, data.join("\n"));
        type = "message";
        data = [];
      } else if (!line.startsWith(":")) {
        const colon = line.indexOf(":");
        const field = colon < 0 ? line : line.slice(0, colon);
        const text = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
        if (field === "event") type = text;
        if (field === "data") data.push(text);
      }
    }
  }
}

function dispatch(onEvent, type, text) {
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    data = text;
  }
  onEvent(type, data);
}
