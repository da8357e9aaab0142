/**
 * What the customer may choose on the invoice page themselves — more time, a payment plan
 * (lib/collections) — in their language. A module of its own because the choices' form is a client
 * component: importing the whole page dictionary would ship all of it to every customer's browser.
 */
const sv = {
  respiteHeading: "Behöver du mer tid?",
  respiteIntro: (until: string) =>
    `Du kan själv flytta förfallodagen en gång, till senast ${until}.`,
  respiteLabel: "Ny förfallodag",
  respiteNote: "Ingen avgift. Påminnelser flyttas.",
  respiteSubmit: "Flytta förfallodagen",
  respiteDone: (date: string) =>
    `Klart! Ny förfallodag: ${date}. Vi skickar en bekräftelse till din e-post.`,
  planHeading: "Dela upp betalningen",
  planIntro: (max: number) =>
    `Betala i 2–${max} delar, en gång i månaden. Varje del har ett eget OCR-nummer.`,
  planPartsLabel: "Antal delar",
  planParts: (count: number) => `${count} delar`,
  planPart: (position: number, amount: string, date: string) =>
    `Del ${position}: ${amount} senast ${date}`,
  planFee: (fee: string) =>
    `I delarna ingår en avgift för avbetalningsplanen på ${fee} (förordning 1981:1057 3 §). När du väljer planen godkänner du avgiften.`,
  planNoFee: "Planen kostar ingenting extra.",
  planTerms:
    "Medan planen gäller skickar vi inga påminnelser. Betalas en del inte i tid upphör planen och påminnelserna fortsätter.",
  planAccept: "Välj planen",
  planDone: "Klart! Din avbetalningsplan gäller. Vi skickar delarna till din e-post.",
  activeHeading: "Din avbetalningsplan",
  activeHowToPay: (bankgiro: string | null) =>
    bankgiro
      ? `Betala varje del till bankgiro ${bankgiro} med delens eget OCR-nummer.`
      : "Betala varje del med delens eget OCR-nummer.",
  activeFee: (fee: string) => `Avgift för planen, som ingår i delarna: ${fee}.`,
  part: "Del",
  partDue: "Senast",
  partAmount: "Belopp",
  partStatus: "Status",
  partPaid: "Betald",
  partUnpaid: "Obetald",
  errors: {
    not_offered: "Det här valet finns inte längre för fakturan. Ladda om sidan.",
    already_taken: "Du har redan flyttat förfallodagen en gång.",
    too_early: "Välj en dag efter den nuvarande förfallodagen.",
    too_late: "Välj en tidigare dag.",
    too_many_parts: "Välj färre delar.",
    stale: "Fakturan har ändrats sedan du öppnade den. Ladda om sidan och försök igen.",
    generic: "Något gick fel. Försök igen.",
  } as Record<string, string>,
};

const en: typeof sv = {
  respiteHeading: "Need more time?",
  respiteIntro: (until: string) =>
    `You can move the due date yourself once, to ${until} at the latest.`,
  respiteLabel: "New due date",
  respiteNote: "No fee. Reminders move with it.",
  respiteSubmit: "Move the due date",
  respiteDone: (date: string) =>
    `Done! New due date: ${date}. We are sending a confirmation to your email.`,
  planHeading: "Split the payment",
  planIntro: (max: number) =>
    `Pay in 2–${max} parts, once a month. Each part has an OCR reference of its own.`,
  planPartsLabel: "Number of parts",
  planParts: (count: number) => `${count} parts`,
  planPart: (position: number, amount: string, date: string) =>
    `Part ${position}: ${amount} by ${date}`,
  planFee: (fee: string) =>
    `The parts include a payment plan fee of ${fee} (Swedish ordinance 1981:1057, section 3). Choosing the plan is accepting the fee.`,
  planNoFee: "The plan costs nothing extra.",
  planTerms:
    "While the plan is in force we send no reminders. If a part is not paid on time the plan ends and reminders carry on.",
  planAccept: "Choose the plan",
  planDone: "Done! Your payment plan is in force. We are sending the parts to your email.",
  activeHeading: "Your payment plan",
  activeHowToPay: (bankgiro: string | null) =>
    bankgiro
      ? `Pay each part to bankgiro ${bankgiro} with the part's own OCR reference.`
      : "Pay each part with the part's own OCR reference.",
  activeFee: (fee: string) => `The plan's fee, included in the parts: ${fee}.`,
  part: "Part",
  partDue: "By",
  partAmount: "Amount",
  partStatus: "Status",
  partPaid: "Paid",
  partUnpaid: "Unpaid",
  errors: {
    not_offered: "This choice is no longer open for the invoice. Please reload the page.",
    already_taken: "You have already moved the due date once.",
    too_early: "Choose a day after the current due date.",
    too_late: "Choose an earlier day.",
    too_many_parts: "Choose fewer parts.",
    stale: "The invoice has changed since you opened it. Reload the page and try again.",
    generic: "Something went wrong. Please try again.",
  },
};

export const invoiceChoiceMessages = { sv, en } as const;
