// The widget's elements: a launcher button and a non-modal dialog with the
// notice, the conversation, a typing indicator, a status line and the message
// box. Built here once; widget.js gives them their behaviour.
import { format } from "./strings.js";
import { el, link, textWithLinks } from "./text.js";

export function adoptStyles(root, css) {
  // A constructed stylesheet works under a Content-Security-Policy without 'unsafe-inline'.
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } catch {
    const style = document.createElement("style");
    style.textContent = css;
    root.append(style);
  }
}

/** A speech-bubble icon drawn with SVG (no icon font or emoji font needed). */
function chatIcon(doc) {
  const ns = "http://www.w3.org/2000/svg";
  const svg = doc.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  svg.setAttribute("class", "ma-launcher-icon");
  const path = doc.createElementNS(ns, "path");
  path.setAttribute("d", "M4 3h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H10l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z");
  path.setAttribute("fill", "currentColor");
  svg.append(path);
  return svg;
}

function iconButton(doc, className, label, glyph) {
  const button = el(doc, "button", `ma-icon ${className}`);
  button.type = "button";
  button.setAttribute("aria-label", label);
  button.title = label;
  const icon = el(doc, "span", "", glyph);
  icon.setAttribute("aria-hidden", "true");
  button.append(icon);
  return button;
}

function noticeSection(doc, config, strings) {
  const notice = el(doc, "section", "ma-notice");
  notice.id = "ma-notice";
  notice.tabIndex = -1;
  notice.setAttribute("aria-labelledby", "ma-notice-title");
  const title = el(doc, "h3", "", strings.noticeTitle);
  title.id = "ma-notice-title";
  const company = config.companyName || strings.theCompany;
  const points = [
    strings.noticeInformation,
    strings.noticeIdentifying,
    config.pharmacovigilanceContact
      ? format(strings.noticeSideEffect, { pharmacovigilance: config.pharmacovigilanceContact })
      : strings.noticeSideEffectNoContact,
    config.retentionDays
      ? format(strings.noticePrivacy, { company, days: config.retentionDays })
      : format(strings.noticePrivacyNoDays, { company }),
    strings.noticeThisBrowser,
  ];
  const ul = el(doc, "ul");
  for (const point of points) {
    const li = el(doc, "li");
    li.append(textWithLinks(doc, point, strings));
    ul.append(li);
  }
  notice.append(title, ul);
  if (config.privacyUrl) {
    const p = el(doc, "p");
    p.append(link(doc, config.privacyUrl, strings.privacyLink, strings));
    notice.append(p);
  }
  return notice;
}

/** Every element the widget uses, by name, under `root` (to be put in the shadow root). */
export function buildShell(doc, config, strings, language) {
  const root = el(doc, "div", "ma-root");
  root.lang = language;
  root.dataset.state = "idle";
  root.style.setProperty("--ma-primary", config.colors.primary);
  root.style.setProperty("--ma-user", config.colors.userMessage);

  const launcher = el(doc, "button", "ma-launcher");
  launcher.type = "button";
  launcher.setAttribute("aria-expanded", "false");
  launcher.setAttribute("aria-controls", "ma-panel");
  launcher.append(chatIcon(doc), el(doc, "span", "", format(strings.launcher, { title: config.title })));

  const panel = el(doc, "section", "ma-panel");
  panel.id = "ma-panel";
  panel.hidden = true;
  panel.setAttribute("role", "dialog");
  panel.setAttribute("aria-modal", "false");
  panel.setAttribute("aria-labelledby", "ma-title");
  panel.setAttribute("aria-describedby", "ma-notice");

  // A div, not <header>: inside the host page a second banner landmark would confuse navigation.
  const header = el(doc, "div", "ma-header");
  const title = el(doc, "h2", "ma-title", config.title);
  title.id = "ma-title";
  const noticeButton = iconButton(doc, "ma-notice-button", strings.noticeButton, "i");
  const restartButton = iconButton(doc, "ma-restart", strings.restart, "↻");
  const closeButton = iconButton(doc, "ma-close", strings.close, "×");
  header.append(title, noticeButton, restartButton, closeButton);

  const confirm = el(doc, "div", "ma-confirm");
  confirm.hidden = true;
  confirm.setAttribute("role", "group");
  confirm.setAttribute("aria-labelledby", "ma-confirm-text");
  const confirmText = el(doc, "p", "", strings.restartQuestion);
  confirmText.id = "ma-confirm-text";
  const confirmYes = el(doc, "button", "ma-button ma-primary-button", strings.restartConfirm);
  const confirmNo = el(doc, "button", "ma-button", strings.restartCancel);
  confirmYes.type = confirmNo.type = "button";
  confirm.append(confirmText, confirmYes, confirmNo);

  const scroller = el(doc, "div", "ma-scroll");
  scroller.setAttribute("role", "region");
  scroller.setAttribute("aria-label", strings.conversation);
  scroller.tabIndex = 0; // a scrolling area must be reachable by keyboard
  const notice = noticeSection(doc, config, strings);
  const log = el(doc, "ol", "ma-log");
  log.setAttribute("aria-label", strings.messages);
  scroller.append(notice, log);

  const typing = el(doc, "p", "ma-typing");
  typing.hidden = true;
  const dots = el(doc, "span", "ma-dots");
  dots.setAttribute("aria-hidden", "true");
  dots.append(el(doc, "span"), el(doc, "span"), el(doc, "span"));
  typing.append(dots, doc.createTextNode(strings.typing));

  const statusRow = el(doc, "div", "ma-status-row");
  const status = el(doc, "p", "ma-status");
  status.setAttribute("role", "status");
  const retry = el(doc, "button", "ma-button ma-retry", strings.retryNow);
  retry.type = "button";
  retry.hidden = true;
  statusRow.append(status, retry);

  const form = el(doc, "form", "ma-composer");
  const label = el(doc, "label", "ma-sr", strings.inputLabel);
  label.htmlFor = "ma-input";
  const input = el(doc, "textarea", "ma-input");
  input.id = "ma-input";
  input.rows = 2;
  input.setAttribute("aria-describedby", "ma-hint");
  input.autocomplete = "off";
  const send = el(doc, "button", "ma-send", strings.send);
  send.type = "submit";
  const hint = el(doc, "p", "ma-hint", strings.inputHint);
  hint.id = "ma-hint";
  form.append(label, input, send, hint);

  // Bot messages are announced from here rather than from the list itself, so
  // a restored conversation is not read out again and an outcome is announced
  // by its summary instead of the whole card.
  const announcer = el(doc, "div", "ma-sr");
  announcer.setAttribute("aria-live", "polite");

  panel.append(header, confirm, scroller, typing, statusRow, form, announcer);
  root.append(panel, launcher);
  return {
    root, launcher, panel, noticeButton, restartButton, closeButton, confirm, confirmYes, confirmNo,
    scroller, notice, log, typing, status, retry, form, input, announcer,
  };
}
