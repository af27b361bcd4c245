// Text from the server becomes DOM text nodes, never markup: nothing here
// assigns innerHTML, so "<img src=x onerror=...>" in an answer or in an
// echoed message is shown as those characters and cannot run. Web addresses
// and emails found by linkifyjs become links, and only http(s) and mailto
// links are made: a "javascript:" address stays plain text.
import { find } from "linkifyjs";

const SAFE_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);

/** The href if it is an absolute http(s) or mailto address, else null. */
export function safeHref(href) {
  try {
    const url = new URL(String(href));
    return SAFE_PROTOCOLS.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/** A link that opens web pages in a new tab without giving that tab a handle
 * on this page (noopener) or our address (noreferrer); a plain text node when
 * the address is not safe. */
export function link(doc, href, label, strings) {
  const safe = safeHref(href);
  if (!safe) return doc.createTextNode(String(label));
  const a = doc.createElement("a");
  a.href = safe;
  a.textContent = String(label);
  if (!safe.startsWith("mailto:")) {
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    const hint = doc.createElement("span");
    hint.className = "ma-sr";
    hint.textContent = ` ${strings.opensInNewTab}`;
    a.append(hint);
  }
  return a;
}

/** A fragment with `text` as text nodes and the addresses in it as links. */
export function textWithLinks(doc, text, strings) {
  const value = String(text ?? "");
  const fragment = doc.createDocumentFragment();
  let at = 0;
  for (const found of find(value)) {
    if (found.start < at) continue;
    fragment.append(doc.createTextNode(value.slice(at, found.start)));
    fragment.append(link(doc, found.href, found.value, strings));
    at = found.end;
  }
  fragment.append(doc.createTextNode(value.slice(at)));
  return fragment;
}

/** An element of `tag` with `className` and the given text (as text). */
export function el(doc, tag, className, text) {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}
