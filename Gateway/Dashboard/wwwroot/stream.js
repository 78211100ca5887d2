// The event stream: GET /v1/events read with fetch (not EventSource), so that a 401 can be told apart from a dropped
// connection and the login form shown. The cookie set by POST /v1/session authenticates it.

const MAX_RETRY_MS = 15000;

/**
 * Connects and keeps connected until stop() or a 401/403. Calls onEvent(name, data) per event, onStatus(text) as the
 * connection changes, and onUnauthorized(status) when the key is missing or refused.
 */
export function openStream({ onEvent, onStatus, onUnauthorized }) {
  let stopped = false;
  let controller = null;
  let retryMs = 1000;

  async function run() {
    while (!stopped) {
      controller = new AbortController();
      try {
        const response = await fetch('/v1/events', {
          headers: { Accept: 'text/event-stream' },
          credentials: 'same-origin',
          cache: 'no-store',
          signal: controller.signal,
        });
        if (response.status === 401 || response.status === 403) {
          // Read the (small) problem body, so the request ends complete rather than aborted.
          await response.text().catch(() => '');
          stopped = true;
          controller = null;
          onUnauthorized(response.status);
          return;
        }
        if (!response.ok || !response.body) throw new Error(`the event stream answered ${response.status}`);
        onStatus('live');
        await readEvents(response.body, (name, data, retry) => {
          if (retry) retryMs = retry;
          if (name) onEvent(name, data);
        });
      } catch {
        // A dropped connection or a server restart: try again below, unless stopped.
      }
      if (stopped) return;
      onStatus('reconnecting');
      await new Promise((resolve) => setTimeout(resolve, retryMs));
      retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
    }
  }

  run();
  return {
    stop() {
      stopped = true;
      controller?.abort();
    },
  };
}

/** Parses text/event-stream: blocks separated by a blank line; "event:", "data:", "retry:" fields; ":" comments. */
async function readEvents(body, deliver) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value.replaceAll('\r\n', '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let name = 'message';
      const data = [];
      let retry = null;
      for (const line of block.split('\n')) {
        if (line === '' || line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') name = text;
        else if (field === 'data') data.push(text);
        else if (field === 'retry' && /^\d+$/.test(text)) retry = Number(text);
      }
      if (data.length > 0) deliver(name, JSON.parse(data.join('\n')), retry);
      else if (retry !== null) deliver(null, null, retry);
    }
  }
}
