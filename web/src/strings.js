// The widget's own words (its "chrome"), per interface language. What the
// assistant says comes from the server and is in English whatever the
// interface language: bot messages are marked lang="en" for screen readers.

export const BOT_LANGUAGE = "en";

const en = {
  launcher: "Chat: {title}",
  close: "Close the chat",
  noticeButton: "Information and privacy",
  restart: "Start a new conversation",
  restartQuestion: "Start a new conversation? The messages on this screen will be cleared.",
  restartConfirm: "Start new",
  restartCancel: "Cancel",
  noticeTitle: "Before you start",
  noticeInformation:
    "This assistant gives information about access to medicines and devices, not medical advice. Treatment decisions belong to the treating physician.",
  noticeIdentifying:
    "Do not type anything that identifies a patient: no name, date of birth, address or record number.",
  noticeSideEffect:
    "To report a side effect, say so in this chat and the assistant gives you the pharmacovigilance contact: {pharmacovigilance}. Conversations that mention a side effect are flagged for safety review.",
  noticeSideEffectNoContact:
    "To report a side effect, say so in this chat and the assistant gives you the pharmacovigilance contact. Conversations that mention a side effect are flagged for safety review.",
  noticePrivacy:
    "Privacy: conversations are stored and reviewed by {company}'s medical information team. Before storage, emails, phone numbers, dates of birth, addresses, record numbers and names are replaced by labels. Stored conversations are deleted after {days} days.",
  noticePrivacyNoDays:
    "Privacy: conversations are stored and reviewed by {company}'s medical information team. Before storage, emails, phone numbers, dates of birth, addresses, record numbers and names are replaced by labels.",
  noticeThisBrowser:
    "This browser keeps the conversation only while this tab is open, so that a reload does not lose it; closing the tab or starting a new conversation clears it from this screen.",
  privacyLink: "Full privacy notice",
  theCompany: "the company",
  conversation: "Conversation",
  messages: "Messages",
  you: "You",
  assistant: "Assistant",
  choices: "Choices",
  notHelpful: "Not helpful",
  notHelpfulLabel: "This answer was not helpful",
  notHelpfulSent: "This answer was not helpful.",
  inputLabel: "Your message",
  inputHint: "Enter sends; Shift+Enter starts a new line. Buttons in the conversation are optional: you can always type.",
  send: "Send",
  typing: "The assistant is writing…",
  opensInNewTab: "(opens in a new tab)",
  slow: "The assistant is taking longer than usual to answer. Please wait.",
  offline:
    "The assistant can't be reached right now. Your message has not been sent: it is kept in the message box and will be sent as soon as the connection is back.",
  offlineChoice:
    "The assistant can't be reached right now. Your choice “{choice}” has not been sent: it will be sent as soon as the connection is back.",
  offlineStart: "The assistant can't be reached right now. Trying again automatically.",
  retryNow: "Try again now",
  back: "Connection restored.",
  busy: "Please wait for the answer to your last message.",
  noServer: "The chat is not configured: no assistant address was given.",
  announceOutcome: "Outcome: {name} ({code}). {eligibility}",
  announceOptions: "The outcome depends on a fact not known yet; each case is shown.",
  cardDetails: "The details are in the conversation.",
  announceHandoff: "Request recorded. Reference {reference}. Acknowledgement by {date}.",
  announceChoices: "Choices: {choices}.",
  restored: "Your conversation is restored.",
  // Cards
  outcomeTitle: "Outcome",
  eligible: "Eligible",
  notEligible: "Not eligible for the managed access programme",
  unmetTitle: "Criteria not met",
  why: "Why",
  whoFiles: "Who files",
  authority: "Authority",
  channel: "Channel",
  validity: "Validity",
  country: "Country",
  nextSteps: "Next steps",
  sources: "Sources",
  reviewed: "Reviewed on {date}",
  candidate: "Had the criteria been met, the scheme would have been: {scheme}",
  optionsTitle: "Possible outcomes",
  optionsIntro: "The outcome depends on a fact you don't know yet. Each case:",
  ifCase: "If {case}",
  handoffTitle: "Request recorded",
  reference: "Reference",
  acknowledgeBy: "Acknowledged by",
  queue: "Handled by",
  handoffKeep: "Keep this reference: you can ask the assistant for the status of your request at any time.",
};

const fr = {
  launcher: "Discussion : {title}",
  close: "Fermer la discussion",
  noticeButton: "Informations et confidentialité",
  restart: "Commencer une nouvelle conversation",
  restartQuestion: "Commencer une nouvelle conversation ? Les messages affichés seront effacés.",
  restartConfirm: "Nouvelle conversation",
  restartCancel: "Annuler",
  noticeTitle: "Avant de commencer",
  noticeInformation:
    "Cet assistant donne des informations sur l'accès aux médicaments et dispositifs, pas d'avis médical. Les décisions de traitement appartiennent au médecin traitant.",
  noticeIdentifying:
    "N'écrivez rien qui permette d'identifier un patient : ni nom, ni date de naissance, ni adresse, ni numéro de dossier.",
  noticeSideEffect:
    "Pour déclarer un effet indésirable, dites-le dans cette discussion ; l'assistant vous donne le contact de pharmacovigilance : {pharmacovigilance}. Les conversations qui mentionnent un effet indésirable sont signalées pour revue de sécurité.",
  noticeSideEffectNoContact:
    "Pour déclarer un effet indésirable, dites-le dans cette discussion ; l'assistant vous donne le contact de pharmacovigilance. Les conversations qui mentionnent un effet indésirable sont signalées pour revue de sécurité.",
  noticePrivacy:
    "Confidentialité : les conversations sont conservées et relues par l'équipe d'information médicale de {company}. Avant conservation, les adresses e-mail, numéros de téléphone, dates de naissance, adresses postales, numéros de dossier et noms sont remplacés par des étiquettes. Les conversations conservées sont supprimées après {days} jours.",
  noticePrivacyNoDays:
    "Confidentialité : les conversations sont conservées et relues par l'équipe d'information médicale de {company}. Avant conservation, les adresses e-mail, numéros de téléphone, dates de naissance, adresses postales, numéros de dossier et noms sont remplacés par des étiquettes.",
  noticeThisBrowser:
    "Ce navigateur ne garde la conversation que tant que cet onglet est ouvert, pour qu'un rechargement ne la perde pas ; fermer l'onglet ou commencer une nouvelle conversation l'efface de l'écran.",
  privacyLink: "Politique de confidentialité complète",
  theCompany: "l'entreprise",
  conversation: "Conversation",
  messages: "Messages",
  you: "Vous",
  assistant: "Assistant",
  choices: "Choix",
  notHelpful: "Pas utile",
  notHelpfulLabel: "Cette réponse n'était pas utile",
  notHelpfulSent: "Cette réponse n'était pas utile.",
  inputLabel: "Votre message",
  inputHint: "Entrée envoie ; Maj+Entrée passe à la ligne. Les boutons de la conversation sont facultatifs : vous pouvez toujours écrire.",
  send: "Envoyer",
  typing: "L'assistant écrit…",
  opensInNewTab: "(s'ouvre dans un nouvel onglet)",
  slow: "L'assistant met plus de temps que d'habitude à répondre. Merci de patienter.",
  offline:
    "L'assistant est injoignable pour le moment. Votre message n'a pas été envoyé : il reste dans la zone de saisie et partira dès le retour de la connexion.",
  offlineChoice:
    "L'assistant est injoignable pour le moment. Votre choix « {choice} » n'a pas été envoyé : il partira dès le retour de la connexion.",
  offlineStart: "L'assistant est injoignable pour le moment. Nouvel essai automatique.",
  retryNow: "Réessayer maintenant",
  back: "Connexion rétablie.",
  busy: "Merci d'attendre la réponse à votre dernier message.",
  noServer: "La discussion n'est pas configurée : aucune adresse d'assistant n'a été donnée.",
  announceOutcome: "Résultat : {name} ({code}). {eligibility}",
  announceOptions: "Le résultat dépend d'un fait encore inconnu ; chaque cas est affiché.",
  cardDetails: "Le détail figure dans la conversation.",
  announceHandoff: "Demande enregistrée. Référence {reference}. Accusé de réception au plus tard le {date}.",
  announceChoices: "Choix : {choices}.",
  restored: "Votre conversation est rétablie.",
  outcomeTitle: "Résultat",
  eligible: "Éligible",
  notEligible: "Non éligible au programme d'accès",
  unmetTitle: "Critères non remplis",
  why: "Pourquoi",
  whoFiles: "Qui dépose la demande",
  authority: "Autorité",
  channel: "Canal",
  validity: "Validité",
  country: "Pays",
  nextSteps: "Prochaines étapes",
  sources: "Sources",
  reviewed: "Revu le {date}",
  candidate: "Si les critères avaient été remplis, le dispositif aurait été : {scheme}",
  optionsTitle: "Résultats possibles",
  optionsIntro: "Le résultat dépend d'un fait que vous ne connaissez pas encore. Chaque cas :",
  ifCase: "Si {case}",
  handoffTitle: "Demande enregistrée",
  reference: "Référence",
  acknowledgeBy: "Accusé de réception au plus tard le",
  queue: "Traitée par",
  handoffKeep: "Gardez cette référence : vous pouvez demander à l'assistant où en est votre demande à tout moment.",
};

export const STRINGS = { en, fr };

/** The strings of `language` ("fr", "fr-FR", ...), English when not available. */
export function stringsFor(language) {
  const base = String(language || "en").toLowerCase().split("-")[0];
  return { language: STRINGS[base] ? base : "en", strings: STRINGS[base] || en };
}

/** "{name}" placeholders filled from `values`; unknown names stay as they are. */
export function format(template, values = {}) {
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}
