// The contract's payloads as cards: the outcome (custom.pathway), the outcome
// per case when a fact is unknown (custom.pathway_options) and the handoff
// confirmation (custom.handoff). Every value is set as text; links go through
// link() so only http(s) sources become links.
import { authorityLabel, caseLabel, countryLabel, criterionLabel, filerLabel, queueLabel } from "./labels.js";
import { format } from "./strings.js";
import { el, link } from "./text.js";

let cardCount = 0;

const list = (value) => (Array.isArray(value) ? value : []);
const present = (value) => value !== undefined && value !== null && value !== "";

/** A date "YYYY-MM-DD" as a <time> in the interface language; the raw text if it is not one. */
export function dateElement(doc, value, language, style = "long") {
  const text = String(value ?? "");
  const node = el(doc, "time");
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) {
    node.textContent = text;
    return node;
  }
  node.dateTime = text;
  // Noon UTC, shown in UTC: the calendar date cannot shift with the reader's time zone.
  const date = new Date(Date.UTC(+match[1], +match[2] - 1, +match[3], 12));
  // British rather than American English: day before month, as in the rest of Europe.
  const locale = language === "en" ? "en-GB" : language;
  node.textContent = new Intl.DateTimeFormat(locale, { dateStyle: style, timeZone: "UTC" }).format(date);
  return node;
}

function card(doc, kind, kicker, title) {
  const article = el(doc, "article", `ma-card ma-${kind}`);
  const id = `ma-card-${++cardCount}`;
  article.setAttribute("aria-labelledby", id);
  if (kicker) article.append(el(doc, "p", "ma-kicker", kicker));
  const heading = el(doc, "h3", "ma-card-title");
  heading.id = id;
  heading.append(...title);
  article.append(heading);
  return article;
}

function definitions(doc, rows) {
  const dl = el(doc, "dl", "ma-facts");
  for (const [term, value] of rows) {
    if (!present(value)) continue;
    dl.append(el(doc, "dt", "", term));
    const dd = el(doc, "dd");
    dd.append(typeof value === "string" ? doc.createTextNode(value) : value);
    dl.append(dd);
  }
  return dl;
}

function section(doc, title, body) {
  const part = el(doc, "section", "ma-card-section");
  part.append(el(doc, "h4", "", title), body);
  return part;
}

function schemeTitle(doc, pathway) {
  const name = present(pathway.scheme_name) ? String(pathway.scheme_name) : String(pathway.scheme ?? "");
  const parts = [doc.createTextNode(name)];
  if (present(pathway.scheme) && pathway.scheme !== name) {
    parts.push(doc.createTextNode(" "), el(doc, "span", "ma-code", pathway.scheme));
  }
  return parts;
}

function eligibility(doc, pathway, strings) {
  const ok = pathway.eligible === true;
  const line = el(doc, "p", `ma-eligibility ${ok ? "ma-yes" : "ma-no"}`);
  // The symbol repeats the words for sighted readers; colour is never the only cue.
  const mark = el(doc, "span", "ma-mark", ok ? "✓" : "✗");
  mark.setAttribute("aria-hidden", "true");
  line.append(mark, doc.createTextNode(` ${ok ? strings.eligible : strings.notEligible}`));
  return line;
}

function sourcesSection(doc, sources, reviewed, ctx) {
  const body = doc.createDocumentFragment();
  const ul = el(doc, "ul", "ma-sources");
  for (const source of sources) {
    if (!source || !present(source.url)) continue;
    const li = el(doc, "li");
    li.append(link(doc, source.url, present(source.title) ? source.title : source.url, ctx.strings));
    ul.append(li);
  }
  body.append(ul);
  if (present(reviewed)) {
    const p = el(doc, "p", "ma-reviewed");
    const [before, after] = ctx.strings.reviewed.split("{date}");
    p.append(doc.createTextNode(before), dateElement(doc, reviewed, ctx.language), doc.createTextNode(after ?? ""));
    body.append(p);
  }
  return section(doc, ctx.strings.sources, body);
}

/** The outcome card; `offer` (the handoff offer message that follows it) is rendered inside it. */
export function outcomeCard(doc, pathway, offer, ctx) {
  const { strings } = ctx;
  const article = card(doc, "outcome", strings.outcomeTitle, schemeTitle(doc, pathway));
  article.setAttribute("lang", ctx.botLanguage);
  article.append(eligibility(doc, pathway, strings));
  const unmet = list(pathway.unmet_criteria);
  if (unmet.length) {
    const ul = el(doc, "ul", "ma-unmet");
    for (const slot of unmet) ul.append(el(doc, "li", "", criterionLabel(slot)));
    article.append(section(doc, strings.unmetTitle, ul));
  }
  if (present(pathway.candidate_scheme) && pathway.eligible === false && pathway.scheme === "NOT_ELIGIBLE") {
    article.append(el(doc, "p", "ma-candidate", format(strings.candidate, { scheme: pathway.candidate_scheme })));
  }
  const reasons = list(pathway.reasons);
  if (reasons.length) {
    const ul = el(doc, "ul", "ma-reasons");
    for (const reason of reasons) ul.append(el(doc, "li", "", reason));
    article.append(section(doc, strings.why, ul));
  }
  article.append(definitions(doc, [
    [strings.country, present(pathway.country) ? countryLabel(pathway.country) : ""],
    [strings.whoFiles, present(pathway.filer) ? filerLabel(pathway.filer) : ""],
    [strings.authority, present(pathway.authority) ? authorityLabel(pathway.authority) : ""],
    [strings.channel, present(pathway.channel) ? String(pathway.channel) : ""],
    [strings.validity, present(pathway.validity) ? String(pathway.validity) : ""],
  ]));
  const steps = list(pathway.next_steps);
  if (steps.length) {
    const ol = el(doc, "ol", "ma-steps");
    for (const step of steps) {
      const li = el(doc, "li");
      li.append(ctx.text(step));
      ol.append(li);
    }
    article.append(section(doc, strings.nextSteps, ol));
  }
  article.append(sourcesSection(doc, list(pathway.sources), pathway.reviewed, ctx));
  if (offer) article.append(ctx.messageBody(offer, "ma-offer"));
  return article;
}

/** The outcome of each case when the outcome depends on a fact the user does not know. */
export function optionsCard(doc, options, offer, ctx) {
  const { strings } = ctx;
  const article = card(doc, "options", strings.outcomeTitle, [doc.createTextNode(strings.optionsTitle)]);
  article.setAttribute("lang", ctx.botLanguage);
  article.append(el(doc, "p", "", strings.optionsIntro));
  const sources = new Map();
  let reviewed = "";
  for (const option of list(options.options)) {
    const pathway = option && typeof option.pathway === "object" && option.pathway ? option.pathway : {};
    const assumed = option && typeof option.if === "object" && option.if ? option.if : {};
    const cases = Object.entries(assumed).map(([fact, value]) => caseLabel(fact, value)).join(", ");
    const part = el(doc, "section", "ma-case");
    const heading = el(doc, "h4", "", format(strings.ifCase, { case: cases }));
    part.append(heading, el(doc, "p", "ma-case-scheme"));
    part.lastChild.append(...schemeTitle(doc, pathway));
    part.append(eligibility(doc, pathway, strings), definitions(doc, [
      [strings.whoFiles, present(pathway.filer) ? filerLabel(pathway.filer) : ""],
      [strings.authority, present(pathway.authority) ? authorityLabel(pathway.authority) : ""],
      [strings.channel, present(pathway.channel) ? String(pathway.channel) : ""],
    ]));
    article.append(part);
    for (const source of list(pathway.sources)) if (source && source.url) sources.set(source.url, source);
    if (present(pathway.reviewed) && (!reviewed || pathway.reviewed < reviewed)) reviewed = pathway.reviewed;
  }
  article.append(sourcesSection(doc, [...sources.values()], reviewed, ctx));
  if (offer) article.append(ctx.messageBody(offer, "ma-offer"));
  return article;
}

/** The handoff confirmation: reference, acknowledge-by date and who handles it. */
export function handoffCard(doc, handoff, ctx) {
  const { strings } = ctx;
  const article = card(doc, "handoff", "", [doc.createTextNode(strings.handoffTitle)]);
  const reference = el(doc, "span", "ma-reference", handoff.reference);
  article.append(definitions(doc, [
    [strings.reference, present(handoff.reference) ? reference : ""],
    [strings.acknowledgeBy, present(handoff.acknowledge_by) ? dateElement(doc, handoff.acknowledge_by, ctx.language, "full") : ""],
    [strings.queue, present(handoff.queue) ? queueLabel(handoff.queue) : ""],
  ]));
  article.append(el(doc, "p", "", strings.handoffKeep));
  return article;
}
