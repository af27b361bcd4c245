// The Rasa REST channel: POST {sender, message}, answered by a list of
// messages. A request that fails or takes too long rejects with
// TransportError; `probe` asks the server's root ("Hello from Rasa") to learn
// when it is back.

export class TransportError extends Error {}

export class Transport {
  /**
   * serverUrl: the Rasa server's base URL (the REST channel is under it).
   * slowMs: after this long the caller is told the answer is slow.
   * timeoutMs: after this long the request is given up (the user keeps the message).
   */
  constructor(serverUrl, { slowMs = 8000, timeoutMs = 45000 } = {}) {
    this.base = String(serverUrl).replace(/\/+$/, "");
    this.restUrl = `${this.base}/webhooks/rest/webhook`;
    this.slowMs = slowMs;
    this.timeoutMs = timeoutMs;
  }

  async send(sender, message, { onSlow = () => {} } = {}) {
    const controller = new AbortController();
    const slow = setTimeout(onSlow, this.slowMs);
    const timeout = setTimeout(() => controller.abort(), this.timeoutMs);
    try {
      const response = await fetch(this.restUrl, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ sender, message }),
        signal: controller.signal,
        cache: "no-store",
        credentials: "omit",
      });
      if (!response.ok) throw new TransportError(`HTTP ${response.status}`);
      const body = await response.json();
      if (!Array.isArray(body)) throw new TransportError("the answer is not a list of messages");
      return body;
    } catch (error) {
      throw error instanceof TransportError ? error : new TransportError(error && error.message);
    } finally {
      clearTimeout(slow);
      clearTimeout(timeout);
    }
  }

  /** True when the server answers its root address within a few seconds. */
  async probe() {
    const controller = new AbortController();
    const timeout = setTimeout(() => controller.abort(), 5000);
    try {
      const response = await fetch(`${this.base}/`, { signal: controller.signal, cache: "no-store", credentials: "omit" });
      return response.ok;
    } catch {
      return false;
    } finally {
      clearTimeout(timeout);
    }
  }
}
