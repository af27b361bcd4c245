// The widget's configuration: the object given by the page (data-config on the
// script tag, or ManagedAccessChat.init({...})) over what the chat server
// publishes at config.json next to widget.js (where the Rasa server listens,
// the retention period and contacts from the server's settings).
import { contrastRatio, MIN_TEXT_CONTRAST } from "./contrast.js";

export const DEFAULT_COLOURS = { primary: "#0b57a4", userMessage: "#0b57a4" };

const DEFAULTS = {
  serverUrl: "",
  title: "Managed access assistant",
  language: "",
  colors: DEFAULT_COLOURS,
  privacyUrl: "",
  companyName: "",
  retentionDays: null,
  pharmacovigilanceContact: "",
};

/** Each configured colour carries white text: one below 4.5:1 against white
 * is replaced by the default, with a warning for the site's developer. */
export function checkColours(given, warn = console.warn) {
  const colours = { ...DEFAULT_COLOURS };
  if (given === undefined || given === null) return colours;
  if (typeof given !== "object" || Array.isArray(given)) {
    warn('managed-access-chat: "colors" must be an object like {"primary": "#0b57a4"}; the defaults are used');
    return colours;
  }
  for (const [name, value] of Object.entries(given)) {
    if (!(name in DEFAULT_COLOURS)) {
      warn(`managed-access-chat: unknown colour "${name}" ignored (known: ${Object.keys(DEFAULT_COLOURS).join(", ")})`);
      continue;
    }
    const ratio = contrastRatio(value, "#ffffff");
    if (ratio >= MIN_TEXT_CONTRAST) {
      colours[name] = String(value).trim();
    } else {
      warn(`managed-access-chat: colour ${name}=${JSON.stringify(value)} ${ratio ? `has a contrast of ${ratio.toFixed(2)}:1 with white text` : "is not a #rrggbb colour"}; WCAG AA needs ${MIN_TEXT_CONTRAST}:1, so the default ${DEFAULT_COLOURS[name]} is used`);
    }
  }
  return colours;
}

async function serverFacts(scriptUrl) {
  if (!scriptUrl) return {};
  try {
    const response = await fetch(new URL("config.json", scriptUrl), { cache: "no-store", credentials: "omit" });
    return response.ok ? await response.json() : {};
  } catch {
    return {}; // another origin that does not allow this page: the page's own configuration must do
  }
}

/** The configuration to run with; `given` wins over the server's facts. */
export async function resolveConfig(given = {}, scriptUrl = "", doc = document) {
  const page = given && typeof given === "object" ? given : {};
  const facts = await serverFacts(scriptUrl);
  const fromRest = typeof facts.rest_url === "string" ? facts.rest_url.replace(/\/webhooks\/rest\/webhook\/?$/, "") : "";
  const days = Number(page.retentionDays ?? facts.retention_days);
  return {
    ...DEFAULTS,
    serverUrl: String(page.serverUrl || facts.server_url || fromRest || ""),
    title: String(page.title || DEFAULTS.title),
    language: String(page.language || doc.documentElement.lang || "en"),
    colors: checkColours(page.colors),
    privacyUrl: String(page.privacyUrl || ""),
    companyName: String(page.companyName || facts.company_name || ""),
    retentionDays: Number.isInteger(days) && days > 0 ? days : null,
    pharmacovigilanceContact: String(page.pharmacovigilanceContact || facts.pharmacovigilance_contact || ""),
  };
}
