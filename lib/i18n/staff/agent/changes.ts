import type { Locale } from "@/lib/db/generated/client";

/**
 * What an agent may change on an invoice: the tabs, the forms (credit, respite, fee, links, a
 * draft's lines), the credit's confirmation and the messages after a change. Swedish first.
 */
const sv = {
  actions: {
    heading: "Ändra fakturan",
    version: (version: number) => `(version ${version})`,
    draft: "Ett utkast: kunden ser det inte förrän det är utfärdat.",
    nothingLeft: "Inget kvar att ändra: fakturan är krediterad i sin helhet.",
    tabsLabel: "Ändra",
    tabs: { credit: "Kreditera", respite: "Anstånd", fee: "Efterge avgift", link: "Länk" },
  },
  outcome: {
    stale: (who: string, change: string, version: string) =>
      `${who} ändrade fakturan först: ${change}. Det senaste läget (version ${version}) visas; kontrollera det och försök igen.`,
    staleUnknown: (version: string) =>
      `Någon ändrade fakturan först (den är nu i version ${version}). Det senaste läget visas; kontrollera det och försök igen.`,
    unreachable: "Servern gick inte att nå; inget ändrades.",
    notMade: "Ändringen gjordes inte.",
    cannotBeMade: "Ändringen kan inte göras.",
    changedMeanwhile:
      "Fakturan ändrades medan du fyllde i detta. Att skicka det nekas; titta på det nya läget först.",
  },
  texts: {
    reason: "Intern orsak (endast personal)",
    customerText: "Text i kundens tidslinje (valfri)",
  },
  credit: {
    formLabel: "Kreditera",
    what: "Vad ska krediteras",
    modes: {
      full: "Hela fakturan",
      lines: "Valda rader",
      amount: "Ett belopp",
      goodwill: "Kompensation (goodwill)",
    },
    lines: "Rader",
    amount: "Belopp",
    issued: "Kreditfakturan är utfärdad.",
    issuedNumber: (number: number, credited: string, refunded: string | null) =>
      `Kreditfaktura ${number} utfärdad: ${credited} har dragits av.${refunded ? ` ${refunded} återbetalt.` : ""}`,
    alreadyCredited: "redan krediterad",
    partlyCredited: (remaining: string, total: string, unit: string) =>
      `delvis krediterad: ${remaining} av ${total} ${unit} kvar`,
    line: (description: string, net: string, vatRate: number) =>
      `${description} (${net} exkl. moms, ${vatRate} %)`,
    quantityOf: (description: string) => `Antal att kreditera av ${description}`,
    all: (quantity: string, unit: string) => `allt (${quantity} ${unit})`,
    amountInclVat: "Belopp inkl. moms (kr)",
    vatRate: "Momssats",
    review: "Granska kreditfakturan",
  },
  confirmation: {
    heading: "Kontrollera innan du utfärdar den",
    amountBefore: "En kreditfaktura på ",
    amountAfter: (vat: string) => ` inklusive ${vat} moms.`,
    vatGroup: (vatRate: number, net: string, vat: string) => `${vatRate} %: ${net} + ${vat} moms`,
    rounding: (amount: string) => `Öresutjämning: ${amount}`,
    money: "Vad som händer med pengarna",
    refundWays: {
      card: "till kortet kunden betalade med",
      swish: "med Swish, till kontot kunden betalade från",
      bank: "till kontot kunden betalade från (en återbetalning för ekonomi att göra från banken)",
    } as Record<string, string>,
    leftToPay: (after: string, before: string) =>
      `${after} återstår att betala i stället för ${before}.`,
    nothingLeft: (before: string) => `Inget återstår att betala (det var ${before}).`,
    goesBack: (amount: string, ways: string[]) =>
      `${amount} går tillbaka till kunden: återbetalas ${
        ways.length > 0 ? ways.join(" och ") : "på samma sätt som kunden betalade"
      }.`,
    staysAsCredit: (amount: string) =>
      `${amount} som kunden har betalat stannar hos er som kundens tillgodohavande (betalas inte ut).`,
    nothingToPay: "Inget återstod att betala, och inga pengar går tillbaka.",
    feesWaived: (amount: string) => `Påminnelseavgifter på ${amount} efterges samtidigt.`,
    issue: "Utfärda kreditfaktura",
    change: "Ändra den",
  },
  draft: {
    saved: "Utkastet är sparat.",
    line: (number: number) => `Rad ${number}`,
    needsDescription: (line: string) => `${line}: skriv en beskrivning`,
    needsReason: (line: string) => `${line}: en rad med 0 % moms behöver sitt lagstöd`,
    unreadable: (line: string, field: string, message: string) => `${line}, ${field}: ${message}`,
    fields: { quantity: "antal", price: "pris", discount: "rabatt" },
    headers: {
      description: "Beskrivning",
      quantity: "Antal",
      unit: "Enhet",
      price: "Pris (kr, exkl. moms, upp till 4 decimaler)",
      discount: "Rabatt (kr)",
      vat: "Moms",
      remove: "Ta bort",
    },
    aria: {
      description: (line: number) => `Beskrivning, rad ${line}`,
      quantity: (line: number) => `Antal, rad ${line}`,
      unit: (line: number) => `Enhet, rad ${line}`,
      price: (line: number) => `Pris, rad ${line}`,
      discount: (line: number) => `Rabatt, rad ${line}`,
      vatRate: (line: number) => `Momssats, rad ${line}`,
      exemption: (line: number) => `Skäl för 0 % moms, rad ${line}`,
      remove: (line: number) => `Ta bort rad ${line}`,
    },
    exemptionPlaceholder: "Lagstöd för 0 %",
    addLine: "Lägg till rad",
    save: "Spara utkast",
  },
  respite: {
    formLabel: "Anstånd",
    granted: "Anstånd beviljat.",
    newDueDate: (now: string | null) => `Ny förfallodag ${now ? `(nu ${now})` : ""}`,
    grant: "Bevilja anstånd",
  },
  fee: {
    none: "Inga avgifter att efterge på fakturan.",
    formLabel: "Efterge en avgift",
    waived: "Avgiften är eftergiven.",
    fee: "Avgift",
    unnamed: "avgift",
    waive: "Efterge avgift",
  },
  link: {
    formLabel: "Kundens länkar",
    renewed: "Alla gamla länkar slutar fungera; kunden får en ny med e-post.",
    revoked: "Alla länkar till fakturan slutar fungera. Inget skickades.",
    intro:
      "Använd detta när en länk har nått någon den inte borde. Öppna sidor med en gammal länk stängs.",
    renew: "Förnya och mejla kunden en ny länk",
    revoke: "Återkalla alla länkar",
    noEmail: "Kunden har ingen e-postadress registrerad, så en ny länk kan inte mejlas.",
  },
};

const en: typeof sv = {
  actions: {
    heading: "Change the invoice",
    version: (version) => `(version ${version})`,
    draft: "A draft: the customer does not see it until it is issued.",
    nothingLeft: "Nothing left to change: the invoice is credited in full.",
    tabsLabel: "Change",
    tabs: { credit: "Credit", respite: "Respite", fee: "Waive fee", link: "Link" },
  },
  outcome: {
    stale: (who, change, version) =>
      `${who} changed this invoice first: ${change}. The newest state (version ${version}) is shown; check it and try again.`,
    staleUnknown: (version) =>
      `Someone changed this invoice first (it is now at version ${version}). The newest state is shown; check it and try again.`,
    unreachable: "Could not reach the server; nothing was changed.",
    notMade: "The change was not made.",
    cannotBeMade: "The change cannot be made.",
    changedMeanwhile:
      "The invoice changed while you were filling this in. Sending it will be refused; look at the new state first.",
  },
  texts: {
    reason: "Internal reason (staff only)",
    customerText: "Text for the customer's timeline (optional)",
  },
  credit: {
    formLabel: "Credit",
    what: "What to credit",
    modes: {
      full: "The whole invoice",
      lines: "Chosen lines",
      amount: "An amount",
      goodwill: "Compensation (goodwill)",
    },
    lines: "Lines",
    amount: "Amount",
    issued: "Credit note issued.",
    issuedNumber: (number, credited, refunded) =>
      `Credit note ${number} issued: ${credited} taken off.${refunded ? ` ${refunded} refunded.` : ""}`,
    alreadyCredited: "already credited",
    partlyCredited: (remaining, total, unit) =>
      `partly credited: ${remaining} of ${total} ${unit} left`,
    line: (description, net, vatRate) => `${description} (${net} excl. VAT, ${vatRate} %)`,
    quantityOf: (description) => `Quantity to credit of ${description}`,
    all: (quantity, unit) => `all (${quantity} ${unit})`,
    amountInclVat: "Amount incl. VAT (kr)",
    vatRate: "VAT rate",
    review: "Review credit note",
  },
  confirmation: {
    heading: "Check before you issue it",
    amountBefore: "A credit note of ",
    amountAfter: (vat) => ` including ${vat} VAT.`,
    vatGroup: (vatRate, net, vat) => `${vatRate} %: ${net} + ${vat} VAT`,
    rounding: (amount) => `Öresutjämning: ${amount}`,
    money: "What happens to the money",
    refundWays: {
      card: "to the card they paid with",
      swish: "by Swish, to the account they paid from",
      bank: "to the account they paid from (a payment back for finance to make from the bank)",
    },
    leftToPay: (after, before) => `${after} is left to pay instead of ${before}.`,
    nothingLeft: (before) => `Nothing is left to pay (${before} was).`,
    goesBack: (amount, ways) =>
      `${amount} goes back to the customer: refunded ${
        ways.length > 0 ? ways.join(" and ") : "the way they paid"
      }.`,
    staysAsCredit: (amount) =>
      `${amount} they have paid stays with you as the customer's credit (not paid out).`,
    nothingToPay: "Nothing was left to pay, and no money goes back.",
    feesWaived: (amount) => `Reminder fees of ${amount} are waived with it.`,
    issue: "Issue credit note",
    change: "Change it",
  },
  draft: {
    saved: "Draft saved.",
    line: (number) => `Line ${number}`,
    needsDescription: (line) => `${line}: write a description`,
    needsReason: (line) => `${line}: a line at 0 % VAT needs its legal reason`,
    unreadable: (line, field, message) => `${line}, ${field}: ${message}`,
    fields: { quantity: "quantity", price: "price", discount: "discount" },
    headers: {
      description: "Description",
      quantity: "Qty",
      unit: "Unit",
      price: "Price (kr, excl. VAT, up to 4 decimals)",
      discount: "Discount (kr)",
      vat: "VAT",
      remove: "Remove",
    },
    aria: {
      description: (line) => `Description, line ${line}`,
      quantity: (line) => `Quantity, line ${line}`,
      unit: (line) => `Unit, line ${line}`,
      price: (line) => `Price, line ${line}`,
      discount: (line) => `Discount, line ${line}`,
      vatRate: (line) => `VAT rate, line ${line}`,
      exemption: (line) => `Reason for 0 % VAT, line ${line}`,
      remove: (line) => `Remove line ${line}`,
    },
    exemptionPlaceholder: "Legal reason for 0 %",
    addLine: "Add line",
    save: "Save draft",
  },
  respite: {
    formLabel: "Respite",
    granted: "Respite granted.",
    newDueDate: (now) => `New due date ${now ? `(now ${now})` : ""}`,
    grant: "Grant respite",
  },
  fee: {
    none: "No fees to waive on this invoice.",
    formLabel: "Waive a fee",
    waived: "Fee waived.",
    fee: "Fee",
    unnamed: "fee",
    waive: "Waive fee",
  },
  link: {
    formLabel: "The customer's links",
    renewed: "Every old link stops working; the customer is being mailed a new one.",
    revoked: "Every link of this invoice stops working. Nothing was sent.",
    intro:
      "Use this when a link reached someone it should not. Open pages on an old link are closed.",
    renew: "Renew and mail the customer a new link",
    revoke: "Revoke all links",
    noEmail: "The customer has no email address on file, so a new link cannot be mailed.",
  },
};

export const agentChangeMessages: Record<Locale, typeof sv> = { sv, en };
