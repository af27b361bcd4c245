// One turn of the conversation as list items. The REST channel answers with a
// list of messages ({text, buttons, custom}); the outcome and the options
// cards take the handoff offer that follows them into the card, so the offer
// reads as part of the outcome. An outcome turn is long (the bot explains each
// part in its own message): its card comes first, so the answer and the next
// step are in view at once, and the explanation follows.
import { handoffCard, optionsCard, outcomeCard } from "./cards.js";
import { format } from "./strings.js";
import { el, textWithLinks } from "./text.js";

const isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);

/** The messages of a REST answer reduced to what the widget renders: text,
 * buttons with string title and payload, and a custom object. */
export function cleanMessages(raw) {
  if (!Array.isArray(raw)) return [];
  return raw.filter(isObject).map((m) => {
    const message = {};
    if (typeof m.text === "string" && m.text) message.text = m.text;
    const buttons = Array.isArray(m.buttons)
      ? m.buttons.filter((b) => isObject(b) && typeof b.title === "string" && typeof b.payload === "string")
        .map((b) => ({ title: b.title, payload: b.payload }))
      : [];
    if (buttons.length) message.buttons = buttons;
    if (isObject(m.custom)) message.custom = m.custom;
    return message;
  }).filter((m) => m.text || m.buttons || m.custom);
}

const offersHandoff = (message) => Boolean(message && message.buttons && !message.custom
  && message.buttons.some((b) => b.payload === "/human_handoff"));

function item(doc, who, label) {
  const li = el(doc, "li", `ma-msg ma-${who}`);
  li.append(el(doc, "span", "ma-sr", `${label}: `));
  return li;
}

/** The user's message as a list item. */
export function userItem(doc, text, strings) {
  const li = item(doc, "user", strings.you);
  li.append(el(doc, "p", "ma-text", text));
  return li;
}

/**
 * The list items of one bot turn and what to announce for it.
 * ctx: {strings, language, botLanguage, interactive, onChoice(button, element)}.
 * Buttons become choices only when `interactive` (the latest turn): older
 * choices would answer questions that are no longer open.
 */
export function botTurn(doc, messages, ctx) {
  const { strings } = ctx;
  const speech = []; // what the live region says for this turn
  const offerSpeech = [];
  let summary = "";
  const items = [];
  const cards = []; // outcome and options cards, shown before the rest of their turn
  const text = (value) => textWithLinks(doc, value, strings);

  const choices = (buttons) => {
    const group = el(doc, "div", "ma-choices");
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", strings.choices);
    for (const button of buttons) {
      const b = el(doc, "button", "ma-choice", button.title);
      b.type = "button";
      b.addEventListener("click", () => ctx.onChoice(button, b));
      group.append(b);
    }
    return group;
  };

  // The text and choices of a message: a plain message, or the offer inside a card.
  const messageBody = (message, className = "", said = speech) => {
    const body = el(doc, "div", `ma-body ${className}`.trim());
    if (message.text) {
      const p = el(doc, "p", "ma-text");
      p.append(text(message.text));
      body.append(p);
      said.push(message.text);
    }
    if (message.buttons && ctx.interactive) {
      body.append(choices(message.buttons));
      said.push(format(strings.announceChoices, { choices: message.buttons.map((b) => b.title).join(", ") }));
    }
    return body;
  };
  const cardCtx = { ...ctx, text, messageBody: (message, className) => messageBody(message, className, offerSpeech) };

  for (let i = 0; i < messages.length; i += 1) {
    const message = messages[i];
    const li = item(doc, "bot", strings.assistant);
    li.setAttribute("lang", ctx.botLanguage);
    const custom = message.custom || {};
    if (isObject(custom.pathway) || isObject(custom.pathway_options)) {
      const offer = offersHandoff(messages[i + 1]) ? messages[(i += 1)] : null;
      if (isObject(custom.pathway)) {
        const p = custom.pathway;
        li.append(outcomeCard(doc, p, offer, cardCtx));
        summary = format(strings.announceOutcome, {
          name: p.scheme_name || p.scheme, code: p.scheme, eligibility: p.eligible ? strings.eligible : strings.notEligible,
        });
      } else {
        li.append(optionsCard(doc, custom.pathway_options, offer, cardCtx));
        summary = strings.announceOptions;
      }
      li.classList.add("ma-has-card");
      cards.push(li);
      continue;
    } else if (isObject(custom.handoff)) {
      li.append(handoffCard(doc, custom.handoff, cardCtx));
      li.classList.add("ma-has-card");
      speech.push(format(strings.announceHandoff, { reference: custom.handoff.reference, date: custom.handoff.acknowledge_by }));
    } else if (message.text || message.buttons) {
      li.append(messageBody(message));
    } else {
      continue; // a custom payload this widget does not know: nothing to show
    }
    items.push(li);
  }
  // An outcome turn is long: its card is announced by a summary, the rest is
  // in the conversation list for the reader to go through.
  const announce = summary ? [summary, strings.cardDetails, ...offerSpeech] : [...speech, ...offerSpeech];
  return { items: [...cards, ...items], announce };
}
