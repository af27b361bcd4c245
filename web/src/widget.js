// The chat window's behaviour: opening and closing, sending and showing
// turns, the status line, restart, and the conversation restored after a
// reload. It lives in a shadow root so the host page's styles neither break
// it nor are broken by it. Everything from the server is added as text (see
// text.js and messages.js).
import styles from "./styles.css";
import { Conversation } from "./conversation.js";
import { botTurn, userItem } from "./messages.js";
import { Session } from "./session.js";
import { adoptStyles, buildShell } from "./shell.js";
import { BOT_LANGUAGE, format, stringsFor } from "./strings.js";
import { el } from "./text.js";
import { Transport } from "./transport.js";

const GREETING = { message: "/greet", shown: "", typed: false };
const FEEDBACK = "/feedback_negative";
const BACK_NOTICE_MS = 6000;

export function mountWidget(config, host = document.body) {
  const doc = document;
  const { language, strings } = stringsFor(config.language);
  if (!config.language.toLowerCase().startsWith(language)) {
    console.warn(`managed-access-chat: no words for language "${config.language}"; English is used`);
  }
  const container = el(doc, "div", "managed-access-chat");
  host.append(container);
  const shadow = container.attachShadow({ mode: "open" });
  adoptStyles(shadow, styles);

  const {
    root, launcher, panel, noticeButton, restartButton, closeButton, confirm, confirmYes, confirmNo,
    scroller, notice, log, typing, status, retry, form, input, announcer,
  } = buildShell(doc, config, strings, language);
  shadow.append(root);

  // ---------------------------------------------------------------- state
  const session = new Session();
  const transport = new Transport(config.serverUrl);
  let statusKind = "";
  let statusTimer = null;

  const setStatus = (kind, text, { retryable = false } = {}) => {
    clearTimeout(statusTimer);
    statusKind = kind;
    status.textContent = text;
    retry.hidden = !retryable;
  };
  const clearStatus = (kind) => {
    if (!kind || statusKind === kind) setStatus("", "");
  };
  const announce = (parts) => {
    const text = parts.filter(Boolean).join(" ");
    if (!text) return;
    announcer.append(el(doc, "p", "", text));
    while (announcer.childElementCount > 3) announcer.firstElementChild.remove();
  };
  const scrollToEnd = () => {
    scroller.scrollTop = scroller.scrollHeight;
  };
  /** Show a new turn from its start when it is taller than the window, else
   * scroll to the end. True when the whole turn is in view. */
  const scrollToTurn = (first) => {
    if (!first) return true;
    const top = first.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
    const turnHeight = scroller.scrollHeight - (scroller.scrollTop + top);
    if (turnHeight > scroller.clientHeight) {
      scroller.scrollTop += top - 8;
      return false;
    }
    scrollToEnd();
    return true;
  };
  // Choices and the feedback control belong to the latest answer only, and
  // go once the server has accepted the next message.
  const removeStaleControls = () => {
    for (const node of log.querySelectorAll(".ma-choices, .ma-feedback")) node.remove();
  };

  let conversation;
  const choose = (message, shown) => {
    if (conversation.sending) {
      setStatus("busy", strings.busy);
      return;
    }
    input.focus();
    conversation.submit({ message, shown, typed: false });
  };
  const feedbackButton = () => {
    const button = el(doc, "button", "ma-feedback", strings.notHelpful);
    button.type = "button";
    button.setAttribute("aria-label", strings.notHelpfulLabel);
    button.addEventListener("click", () => choose(FEEDBACK, strings.notHelpfulSent));
    return button;
  };
  const renderTurn = (messages, interactive, withFeedback) => {
    const { items, announce: said } = botTurn(doc, messages, {
      strings, language, botLanguage: BOT_LANGUAGE, interactive,
      onChoice: (button) => choose(button.payload, button.title),
    });
    if (withFeedback && items.length) items[items.length - 1].append(feedbackButton());
    log.append(...items);
    return { items, said };
  };

  const view = {
    busy(on) {
      typing.hidden = !on;
      log.setAttribute("aria-busy", on ? "true" : "false");
      root.dataset.state = on ? "busy" : conversation && conversation.offline ? "offline" : "idle";
      if (!on) clearStatus("slow");
      if (on) scrollToEnd();
    },
    slow() {
      setStatus("slow", strings.slow);
    },
    showUser(text) {
      const li = userItem(doc, text, strings);
      li.classList.add("ma-pending");
      log.append(li);
      scrollToEnd();
      return li;
    },
    dropUser(li) {
      if (li) li.remove();
    },
    showBot(messages, item) {
      clearStatus("busy");
      for (const li of log.querySelectorAll(".ma-pending")) li.classList.remove("ma-pending");
      // Only now that the server has the message: until then the open question's choices stay usable.
      removeStaleControls();
      const { items, said } = renderTurn(messages, true, session.history.length > 1);
      announce(said);
      const fits = scrollToTurn(items[0]);
      // Answering with a choice moved the focus to the message box; the next
      // choices are the natural place to continue, unless the answer is too
      // long to see at once (an outcome): focusing its last choices would
      // scroll its beginning out of view.
      const next = fits && !item.typed && item.shown ? log.querySelector(".ma-choice") : null;
      if (next && shadow.activeElement === input && !input.value) next.focus();
    },
    offline(item) {
      root.dataset.state = "offline";
      const text = item.typed ? strings.offline
        : item.shown ? format(strings.offlineChoice, { choice: item.shown }) : strings.offlineStart;
      setStatus("offline", text, { retryable: true });
    },
    online() {
      root.dataset.state = "idle";
      setStatus("back", strings.back);
      statusTimer = setTimeout(() => clearStatus("back"), BACK_NOTICE_MS);
    },
    inputText: () => input.value,
    clearInput(text) {
      if (input.value.trim() !== text) return;
      input.value = "";
      session.draft = "";
    },
    tellBusy() {
      setStatus("busy", strings.busy);
    },
  };
  conversation = new Conversation({ transport, session, view });

  // ---------------------------------------------------------------- restore
  session.history.forEach((entry, index) => {
    if (entry.from === "user") log.append(userItem(doc, entry.text, strings));
    else if (entry.from === "bot" && Array.isArray(entry.messages)) {
      const latest = index === session.history.length - 1;
      renderTurn(entry.messages, latest, latest && index > 0);
    }
  });

  // ---------------------------------------------------------------- open, close
  const greetIfNew = () => {
    if (!config.serverUrl) {
      setStatus("config", strings.noServer);
      return;
    }
    if (!session.history.length && !conversation.pending && !conversation.sending) conversation.submit(GREETING);
  };
  const open = ({ focus = true } = {}) => {
    panel.hidden = false;
    launcher.setAttribute("aria-expanded", "true");
    root.classList.add("ma-open");
    session.open = true;
    scrollToEnd();
    if (focus) input.focus();
    greetIfNew();
  };
  const close = () => {
    panel.hidden = true;
    confirm.hidden = true;
    launcher.setAttribute("aria-expanded", "false");
    root.classList.remove("ma-open");
    session.open = false;
    launcher.focus();
  };

  launcher.addEventListener("click", () => (panel.hidden ? open() : close()));
  closeButton.addEventListener("click", close);
  panel.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    event.preventDefault();
    if (!confirm.hidden) {
      confirm.hidden = true;
      restartButton.focus();
    } else {
      close();
    }
  });
  noticeButton.addEventListener("click", () => {
    scroller.scrollTop = 0;
    notice.focus();
  });
  restartButton.addEventListener("click", () => {
    confirm.hidden = false;
    confirmYes.focus();
  });
  confirmNo.addEventListener("click", () => {
    confirm.hidden = true;
    restartButton.focus();
  });
  confirmYes.addEventListener("click", () => {
    confirm.hidden = true;
    log.replaceChildren();
    setStatus("", "");
    input.value = "";
    input.focus();
    scroller.scrollTop = 0;
    conversation.restart(GREETING);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value.trim();
    // While off line, sending again is "try now" with what is in the box.
    if (text) conversation.submit({ message: text, shown: text, typed: true });
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  // The draft survives a reload too (a message kept while the server is down, say).
  input.value = session.draft;
  input.addEventListener("input", () => {
    session.draft = input.value;
  });
  retry.addEventListener("click", () => conversation.retryNow());
  window.addEventListener("online", () => conversation.retryNow());

  if (session.open) {
    // Reopened after a reload: shown as it was, without taking the focus from the page.
    open({ focus: false });
    if (session.history.length) announce([strings.restored]);
  }

  return { open, close, element: container, get sessionId() { return session.id; } };
}
