// The conversation kept in the browser: a random session id (Rasa's sender)
// and the rendered history, so that a reload shows the conversation again.
// The widget cannot read Rasa's tracker (that needs the API token), so it
// keeps what it rendered.
//
// sessionStorage, not localStorage: a hospital workstation is shared, and a
// conversation may describe a patient. sessionStorage lives as long as the
// tab, so a reload keeps the conversation while the next person who opens the
// browser does not find it. The price: a second tab starts its own
// conversation.

const KEY = "managed-access-chat";
const MAX_ENTRIES = 300; // old turns drop off first; the server keeps the whole transcript

/** A random id like "web-3f9c..." (crypto.getRandomValues works outside secure contexts too). */
export function newSessionId() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return `web-${[...bytes].map((b) => b.toString(16).padStart(2, "0")).join("")}`;
}

function memoryStorage() {
  const data = new Map();
  return {
    getItem: (k) => (data.has(k) ? data.get(k) : null),
    setItem: (k, v) => data.set(k, String(v)),
    removeItem: (k) => data.delete(k),
  };
}

function browserStorage() {
  try {
    const storage = window.sessionStorage;
    storage.setItem(`${KEY}:probe`, "1");
    storage.removeItem(`${KEY}:probe`);
    return storage;
  } catch {
    // Storage blocked (privacy settings): the conversation works but does not survive a reload.
    console.warn("managed-access-chat: sessionStorage is not available; a reload will start a new conversation");
    return memoryStorage();
  }
}

export class Session {
  constructor(storage = browserStorage()) {
    this.storage = storage;
    this.id = this.read(`${KEY}:session`) || this.start();
    this.history = this.readJson(`${KEY}:history:${this.id}`, []);
  }

  read(key) {
    try {
      return this.storage.getItem(key);
    } catch {
      return null;
    }
  }

  readJson(key, fallback) {
    try {
      const value = JSON.parse(this.read(key));
      return Array.isArray(fallback) === Array.isArray(value) && value !== null ? value : fallback;
    } catch {
      return fallback;
    }
  }

  write(key, value) {
    try {
      this.storage.setItem(key, value);
    } catch (error) {
      console.warn("managed-access-chat: could not save the conversation in this tab", error);
    }
  }

  start() {
    const id = newSessionId();
    this.write(`${KEY}:session`, id);
    return id;
  }

  /** Record one entry: {from: "user", text} or {from: "bot", messages}. */
  append(entry) {
    this.history.push(entry);
    if (this.history.length > MAX_ENTRIES) this.history.splice(0, this.history.length - MAX_ENTRIES);
    this.write(`${KEY}:history:${this.id}`, JSON.stringify(this.history));
  }

  /** What is typed in the message box and not yet accepted by the server. */
  get draft() {
    return this.read(`${KEY}:draft`) || "";
  }

  set draft(text) {
    this.write(`${KEY}:draft`, text);
  }

  get open() {
    return this.read(`${KEY}:open`) === "1";
  }

  set open(value) {
    this.write(`${KEY}:open`, value ? "1" : "0");
  }

  /** A new conversation: new id, empty history. The old one stays on the server for review. */
  restart() {
    try {
      this.storage.removeItem(`${KEY}:history:${this.id}`);
    } catch {
      // nothing stored to remove
    }
    this.id = this.start();
    this.history = [];
    this.draft = "";
  }
}
