/** The words of the chat and live updates on the customer's invoice page, Swedish and English. */
const sv = {
  heading: "Frågor om fakturan? Fråga oss här.",
  online: "Kundservice är online och svarar nu.",
  offline: (hours: number, email: string | null) =>
    email
      ? `Vi svarar inom ${hours} timmar. Svaret kommer här på fakturan och till ${email}.`
      : `Vi svarar inom ${hours} timmar. Svaret kommer här på fakturan.`,
  closedNow: "Kundservice har stängt just nu.",
  connecting: "Ansluter …",
  reconnecting: "Anslutningen bröts – försöker igen …",
  empty: "Inga meddelanden än. Skriv din fråga så svarar vi här.",
  you: "Du",
  support: "Kundservice",
  fromSupport: (name: string) => `${name}, kundservice`,
  label: "Ditt meddelande",
  placeholder: "Skriv din fråga …",
  send: "Skicka",
  sending: "Skickar …",
  sent: "Skickat",
  delivered: "Levererat",
  read: "Läst",
  failed: "Kunde inte skickas.",
  retry: "Försök igen",
  typing: (name: string) => `${name} skriver …`,
  tooLong: (max: number) => `Meddelandet får vara högst ${max} tecken.`,
  remaining: (count: number) => `${count} tecken kvar`,
  presence: (names: string[]) =>
    names.length === 1
      ? `${names[0]} från kundservice tittar på din faktura just nu.`
      : `${names.join(" och ")} från kundservice tittar på din faktura just nu.`,
  presenceAction: "Skriv till oss",
  /** The phone's sticky bar (and a new answer's notice anywhere) that opens the chat. */
  launcher: "Frågor om fakturan? Skriv till oss",
  launcherOnline: "Kundservice är online – skriv till oss",
  newReply: (name: string) => `Nytt svar från ${name}`,
  showReply: "Läs svaret",
  titleUnread: (count: number) => (count === 1 ? "(1) Nytt svar" : `(${count}) Nya svar`),
  updated: "Fakturan har uppdaterats.",
  updatedKinds: {
    payment: "En betalning har registrerats.",
    refund: "En återbetalning har gjorts.",
    credit: "Fakturan har krediterats.",
    edit: "Fakturan har ändrats.",
    respite: "Förfallodagen har flyttats.",
    fee: "En avgift har tagits bort.",
    content: "Innehållet har uppdaterats.",
    collection: "Påminnelser och betalplan har uppdaterats.",
  },
};

export type ChatMessages = typeof sv;

const en: ChatMessages = {
  heading: "Questions about this invoice? Ask us here.",
  online: "Support is online and answering now.",
  offline: (hours: number, email: string | null) =>
    email
      ? `We answer within ${hours} hours. The answer appears here on the invoice and is sent to ${email}.`
      : `We answer within ${hours} hours. The answer appears here on the invoice.`,
  closedNow: "Support is closed right now.",
  connecting: "Connecting …",
  reconnecting: "Connection lost – trying again …",
  empty: "No messages yet. Write your question and we will answer here.",
  you: "You",
  support: "Support",
  fromSupport: (name: string) => `${name}, support`,
  label: "Your message",
  placeholder: "Write your question …",
  send: "Send",
  sending: "Sending …",
  sent: "Sent",
  delivered: "Delivered",
  read: "Read",
  failed: "Could not be sent.",
  retry: "Try again",
  typing: (name: string) => `${name} is typing …`,
  tooLong: (max: number) => `A message can be at most ${max} characters.`,
  remaining: (count: number) => `${count} characters left`,
  presence: (names: string[]) =>
    `${names.join(" and ")} from support ${names.length === 1 ? "is" : "are"} looking at your invoice now.`,
  presenceAction: "Write to us",
  launcher: "Questions about the invoice? Write to us",
  launcherOnline: "Support is online – write to us",
  newReply: (name: string) => `New answer from ${name}`,
  showReply: "Read the answer",
  titleUnread: (count: number) => (count === 1 ? "(1) New answer" : `(${count}) New answers`),
  updated: "The invoice has been updated.",
  updatedKinds: {
    payment: "A payment has been recorded.",
    refund: "A refund has been made.",
    credit: "The invoice has been credited.",
    edit: "The invoice has been changed.",
    respite: "The due date has been moved.",
    fee: "A fee has been removed.",
    content: "The content has been updated.",
    collection: "Reminders and payment plan have been updated.",
  },
};

export const chatMessages = { sv, en };
