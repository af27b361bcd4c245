// Sending messages and getting back on line. One message is in flight at a
// time. A message the server has not accepted stays pending: a typed message
// stays in the message box (it is cleared only once the server answered), and
// the widget probes the server with growing pauses and sends it again when the
// server is back.
import { cleanMessages } from "./messages.js";

const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 15000;

export class Conversation {
  /**
   * view: busy(bool), slow(), showUser(text) -> element, dropUser(element),
   *   showBot(messages, item), offline(item), online(), inputText(), clearInput(text), tellBusy()
   */
  constructor({ transport, session, view }) {
    Object.assign(this, { transport, session, view });
    this.pending = null; // {message, shown, typed}
    this.sending = false;
    this.offline = false;
    this.failures = 0;
    this.timer = null;
    this.generation = 0; // a restart makes answers to older requests irrelevant
  }

  /** Send `message`; `shown` is the user's message as displayed (none for /greet). */
  submit(item) {
    if (this.sending) {
      this.view.tellBusy();
      return Promise.resolve(false);
    }
    clearTimeout(this.timer);
    this.pending = item;
    return this.attempt();
  }

  /** Try the pending message now (the user asked, or the browser is back online). */
  retryNow() {
    if (this.sending || !this.pending) return Promise.resolve(false);
    clearTimeout(this.timer);
    return this.attempt();
  }

  async attempt() {
    const generation = this.generation;
    const item = { ...this.pending };
    if (item.typed) {
      // The message box is the truth for a typed message: the user may have corrected it while waiting.
      item.message = item.shown = this.view.inputText().trim();
      if (!item.message) {
        this.pending = null;
        if (this.offline) this.backOnline();
        return false;
      }
    }
    this.sending = true;
    this.view.busy(true);
    const shownElement = item.shown ? this.view.showUser(item.shown) : null;
    try {
      const raw = await this.transport.send(this.session.id, item.message, { onSlow: () => this.view.slow() });
      if (generation !== this.generation) return false;
      const messages = cleanMessages(raw);
      if (item.shown) this.session.append({ from: "user", text: item.shown });
      this.session.append({ from: "bot", messages });
      this.pending = null;
      if (item.typed) this.view.clearInput(item.shown);
      if (this.offline) this.backOnline();
      this.view.showBot(messages, item);
      return true;
    } catch (error) {
      if (generation !== this.generation) return false;
      this.view.dropUser(shownElement);
      this.offline = true;
      this.view.offline(item);
      this.scheduleRetry();
      return false;
    } finally {
      if (generation === this.generation) {
        this.sending = false;
        this.view.busy(false);
      }
    }
  }

  backOnline() {
    this.offline = false;
    this.failures = 0;
    this.view.online();
  }

  scheduleRetry() {
    const delay = Math.min(FIRST_RETRY_MS * 2 ** this.failures, MAX_RETRY_MS);
    this.failures += 1;
    clearTimeout(this.timer);
    this.timer = setTimeout(async () => {
      const generation = this.generation;
      const up = await this.transport.probe();
      if (generation !== this.generation || this.sending || !this.pending) return;
      if (up) this.attempt();
      else this.scheduleRetry();
    }, delay);
  }

  /** Forget the conversation on this screen and start a new one with a new session id. */
  restart(greeting) {
    this.generation += 1;
    clearTimeout(this.timer);
    Object.assign(this, { pending: null, sending: false, offline: false, failures: 0 });
    this.view.busy(false);
    this.session.restart();
    return this.submit(greeting);
  }
}
