// Reads a server-sent-event stream with fetch() and a ReadableStream reader, because
// EventSource cannot send the Authorization header. Reconnects with a growing delay.
import { openEventStream } from "./api.js";

const firstDelayMs = 1000;
const maxDelayMs = 30000;

// Calls onEvent(type, data) for each event, onReconnect() after every reconnection so the
// screen can reload what it missed, and onConnectionChange(connected) so the screen can show
// whether it is live. Returns a function that closes the stream for good.
export function followEventStream(path, { onEvent, onReconnect, onConnectionChange }) {
  const controller = new AbortController();
  let delay = firstDelayMs;
  let connectedBefore = false;

  async function connect() {
    while (!controller.signal.aborted) {
      try {
        const response = await openEventStream(path, controller.signal);
        if (response.status === 401 || response.status === 403) return;
        if (!response.ok || !response.body) throw new Error(`Stream returned HTTP ${response.status}`);
        delay = firstDelayMs;
        onConnectionChange?.(true);
        if (connectedBefore) onReconnect?.();
        connectedBefore = true;
        await readEvents(response.body, onEvent);
      } catch {
        if (controller.signal.aborted) return;
      }
      onConnectionChange?.(false);
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, maxDelayMs);
    }
  }

  connect();
  return () => controller.abort();
}

// Parses the "event:" and "data:" lines. A blank line ends one event.
async function readEvents(body, onEvent) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  let type = "message";
  let data = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    const lines = buffer.split(/\r\n|\r|\n/);
    buffer = lines.pop();
    for (const line of lines) {
      if (line === "") {
        if (data.length > 0) dispatch(onEvent, type, data.join("\n"));
        type = "message";
        data = [];
      } else if (line.startsWith("event:")) {
        type = line.slice(6).trim();
      } else if (line.startsWith("data:")) {
        data.push(line.slice(5).replace(/^ /, ""));
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
