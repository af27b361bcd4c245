// Entry point of widget.js. A page embeds the chat with one script tag:
//   <script src="https://CHAT-HOST/widget.js" defer
//           data-config='{"serverUrl": "https://RASA-HOST", "title": "...", "language": "en",
//                         "colors": {"primary": "#0b57a4"}}'></script>
// or loads the script and calls ManagedAccessChat.init({...}) itself.
import { resolveConfig } from "./config.js";
import { mountWidget } from "./widget.js";

// Only known while this file first runs; config.json is looked up next to it.
const script = document.currentScript;
const scriptUrl = script && script.src ? script.src : "";

let mounted = null;

function whenBodyReady() {
  if (document.body) return Promise.resolve();
  return new Promise((resolve) => document.addEventListener("DOMContentLoaded", resolve, { once: true }));
}

/** Mount the widget (once per page) with this configuration. */
async function init(given = {}) {
  if (mounted) {
    console.warn("managed-access-chat: already on this page; init() ignored");
    return mounted;
  }
  mounted = (async () => {
    const config = await resolveConfig(given, scriptUrl);
    await whenBodyReady();
    return mountWidget(config);
  })();
  return mounted;
}

function configFromTag() {
  try {
    return JSON.parse(script.dataset.config);
  } catch (error) {
    console.warn("managed-access-chat: data-config is not valid JSON; using the defaults", error);
    return {};
  }
}

window.ManagedAccessChat = { init };
if (script && script.hasAttribute("data-config")) init(configFromTag());
