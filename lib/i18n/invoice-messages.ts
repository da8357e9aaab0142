import { invoiceChoiceMessages } from "@/lib/i18n/invoice-choice-messages";
import { vatReasonText } from "@/lib/i18n/vat-exemption-reasons";

/**
 * Customer-facing texts of the invoice page, Swedish first. One typed dictionary per language:
 * English must have every key Swedish has (the type enforces it). Numbers, money and dates are
 * formatted by the callers per locale and passed in.
 */
const sv = {
  pay: {
    open: "Betala",
    heading: "Betala fakturan",
    amountLegend: "Belopp",
    full: "Hela beloppet",
    part: "Annat belopp",
    partHint: "minst",
    partLabel: "Belopp i kronor",
    methodLegend: "Betalsätt",
    card: "Kort",
    swish: "Swish",
    continue: "Fortsätt",
    cancel: "Avbryt",
    demoBadge: "Demo – inga pengar flyttas",
    demoWarning:
      "Det här är en demo: betalningar här är på låtsas och inga pengar flyttas. Betala en riktig faktura med bankgiro och OCR-numret.",
    demoCard:
      "Det här är en demo. Tryck för att slutföra kortbetalningen som om banken godkänt den.",
    demoSwish:
      "Det här är en demo. I verkligheten öppnar du Swish-appen och godkänner betalningen.",
    demoApprove: "Godkänn betalningen (demo)",
    // Swish by device (components/invoice/payment/swish-by-device.tsx): on a phone the app
    // switch, on a computer the QR code.
    demoSwishQr: "På en dator skannar du först en QR-kod med telefonen.",
    demoSwishOpen: "Öppna Swish (demo)",
    swishOpen: "Öppna Swish",
    swishShowQr: "Visa QR-koden för Swish",
    swishOpenHint:
      "Swish-appen öppnas med betalningen ifylld. Godkänn den där och kom sedan tillbaka hit.",
    swishQrHint:
      "En QR-kod visas. Skanna den med Swish-appen i telefonen och godkänn betalningen där.",
    demoDecline: "Neka (demo)",
    payNow: "Betala nu",
    waitingCard: "Betalningen behandlas …",
    waitingSwish: "Väntar på Swish …",
    paid: "Tack! Betalningen är mottagen.",
    failed: "Betalningen gick inte igenom.",
    tryAgain: "Försök igen",
    loadingStripe: "Laddar betalformuläret …",
    bankAlternative: "Du kan också betala med bankgiro och OCR-numret nedan.",
    errorGeneric: "Något gick fel. Försök igen.",
    preview: "Kunden betalar via sin egen länk.",
    bankOnly: "Betala med bankgiro och OCR-numret, eller med Swish, enligt uppgifterna nedan.",
    tooMuch: "Beloppet är större än det som är kvar att betala.",
    tooLittle: "Beloppet är mindre än den minsta delbetalning vi tar emot.",
    invalidAmount: "Skriv beloppet i kronor, till exempel 150 eller 150,50.",
    fullOnly: "Fakturan behöver betalas i sin helhet.",
    alreadyPaid: "Det finns inget kvar att betala på fakturan.",
    anotherPayment:
      "En annan betalning av fakturan pågår. Slutför den, eller vänta en stund och försök igen.",
    providerUnavailable:
      "Betaltjänsten svarar inte just nu. Inget har dragits – försök igen om en stund.",
    providerRefused:
      "Betalningen kunde inte startas. Inget har dragits. Betala med bankgiro och OCR-numret, eller kontakta oss.",
    rateLimited: "För många betalningsförsök. Vänta en stund och försök igen.",
    // Words only: these labels are handed to the payment panel, a client component (its
    // sentences with amounts are in payment-sentences.ts).
    methodCard: "kort",
    methodSwish: "Swish",
  },
  languageName: "Svenska",
  invoice: "Faktura",
  creditNote: "Kreditfaktura",
  hello: (name: string) => `Hej ${name}!`,
  intro: (org: string, period: string) => `Här är din faktura från ${org} för ${period}.`,
  toPay: "Att betala",
  nothingToPay: "Inget att betala",
  /** What a settled invoice's header says instead of an amount to pay. */
  settled: {
    paidHeading: "Betald",
    paid: (amount: string, date: string, methods: string | null) =>
      `Du betalade ${amount} den ${date}${methods ? ` med ${methods}` : ""}.`,
    paidInParts: (amount: string, parts: number, date: string, methods: string | null) =>
      `Du betalade ${amount} i ${parts} delar, den sista den ${date}${methods ? `, med ${methods}` : ""}.`,
    paidUndated: (amount: string) => `Du har betalat ${amount}.`,
    creditedHeading: "Krediterad",
    credited: "Fakturan är krediterad. Du behöver inte betala något.",
    nothing: "Du behöver inte betala något på den här fakturan.",
    credit: (amount: string) => `Du har ${amount} tillgodo hos oss.`,
    leftToPay: "Kvar att betala",
    and: "och",
  },
  dueDate: "Förfallodag",
  issueDate: "Fakturadatum",
  invoiceNumber: "Fakturanummer",
  creditNoteNumber: "Kreditfakturanummer",
  creditNoteDate: "Datum",
  customerNumber: "Kundnummer",
  ocr: "OCR-nummer",
  bankgiro: "Bankgiro",
  plusgiro: "Plusgiro",
  swish: "Swish",
  swishQr: "Skanna med Swish-appen för att betala. Belopp och meddelande är ifyllda.",
  /** On a phone: straight into the Swish app with the payment filled in (the app switch). */
  swishOpen: "Öppna Swish",
  swishOpenHint: "Belopp och OCR-nummer är ifyllda i appen.",
  swishQrOtherDevice: "Betalar du från en annan telefon? Skanna koden",
  period: "Period",
  copy: "Kopiera",
  copied: "Kopierat",
  copyLabel: (what: string) => `Kopiera ${what}`,
  payButton: "Betala",
  language: "Språk",
  switchTo: "In English",
  downloadPdf: "Ladda ner PDF",
  print: "Skriv ut",
  status: {
    draft: "Utkast",
    open: "Obetald",
    partly_paid: "Delbetald",
    paid: "Betald",
    credited: "Krediterad",
    overdue: "Förfallen",
  },
  countdown: {
    dueIn: (days: number) => (days === 1 ? "1 dag kvar" : `${days} dagar kvar`),
    dueToday: "Förfaller i dag",
    overdueBy: (days: number) =>
      days === 1 ? "Förföll för 1 dag sedan" : `Förföll för ${days} dagar sedan`,
  },
  usage: {
    heading: "Din förbrukning",
    total: "Totalt under perioden",
    perDay: "Snitt per dag",
    comparedWithPrevious: "Jämfört med förra perioden",
    comparedWithLastYear: "Jämfört med samma period i fjol",
    noComparison: "Inget att jämföra med ännu",
    cost: "Kostnad för förbrukningen",
    pricePerUnit: "Pris per enhet",
    includedInSubscription: "Ingår i ditt abonnemang",
    chartTitle: "Förbrukning per dag",
    chartTitleHourly: "Förbrukning per timme",
    tableSummary: "Visa som tabell",
    tableCaption: "Förbrukning under perioden",
    columnTime: "Tid",
    columnQuantity: "Mängd",
    /** This period beside the ones it is compared with, as bars. */
    periodsHeading: "Den här perioden bredvid tidigare",
    thisPeriod: "Den här perioden",
    previousPeriod: "Förra perioden",
    lastYearPeriod: "Samma period i fjol",
  },
  value: {
    heading: "Vad du fick för pengarna",
    price: "Du betalar",
    compared: "Jämfört med",
    cheaper: (amount: string) => `${amount} billigare`,
    dearer: (amount: string) => `${amount} dyrare`,
    samePrice: "Samma pris",
    higher: (amount: string) => `${amount} högre`,
    lower: (amount: string) => `${amount} lägre`,
    same: "Lika",
    /** "1 procentenhet", "0,37 procentenheter": singular for exactly one. */
    points: (amount: string) => `${amount} ${amount === "1" ? "procentenhet" : "procentenheter"}`,
  },
  lines: {
    heading: "Specifikation",
    description: "Beskrivning",
    quantity: "Antal",
    unitPrice: "À-pris exkl. moms",
    vatRate: "Moms",
    amount: "Belopp exkl. moms",
    discount: (amount: string) => `Rabatt ${amount}`,
    /** On a narrow screen quantity and unit price share the description's cell. */
    quantityTimesPrice: (quantity: string, price: string) => `${quantity} à ${price}`,
    noVat: (reason: string) => `Ingen moms: ${reason}`,
    groups: {
      SUBSCRIPTION: "Abonnemang",
      USAGE: "Förbrukning",
      DISCOUNT: "Rabatter",
      CREDIT: "Krediteringar",
      FEE: "Avgifter",
      OTHER: "Övrigt",
    } as Record<string, string>,
  },
  vat: {
    heading: "Moms",
    rate: "Momssats",
    taxable: "Underlag",
    vat: "Moms",
    net: "Summa exkl. moms",
    totalVat: "Summa moms",
    rounding: "Öresutjämning",
    total: "Totalt",
    totalCredited: "Totalt krediterat",
    paid: "Betalt",
    credited: "Krediterat",
    left: "Kvar att betala",
  },
  creditNotes: {
    heading: "Kreditfakturor för fakturan",
    item: (number: string, date: string) => `Kreditfaktura ${number}, daterad ${date}`,
    vat: (amount: string) => `varav moms ${amount}`,
    vatAt: (rate: number, amount: string) => `moms ${rate} %: ${amount}`,
  },
  legal: {
    heading: "Betalning och fakturauppgifter",
    seller: "Säljare",
    buyer: "Köpare",
    orgNumber: "Organisationsnummer",
    vatNumber: "Momsregistreringsnummer",
    fSkatt: "Godkänd för F-skatt",
    buyerVat: "Köparens momsregistreringsnummer",
    contact: "Kontakt",
  },
  timeline: {
    showCreditNote: (number: number) => `Visa kreditfaktura ${number}`,
    heading: "Händelser",
    events: {
      ISSUED: "Fakturan skapades",
      SENT: "Fakturan skickades till dig",
      OPENED: "Du öppnade fakturan",
      REMINDER_SENT: "Påminnelse skickad",
      PAYMENT_RECEIVED: "Betalning mottagen",
      PAYMENT_REFUNDED: "Betalning återbetald",
      REFUND_COMPLETED: "Återbetalningen är klar",
      REFUND_FAILED: "Återbetalningen kunde inte göras",
      CREDITED: "Fakturan krediterades",
      COMPENSATION_CREDITED: "Du fick kompensation",
      RESPITE_GRANTED: "Du fick längre tid att betala",
      OFFER_ACCEPTED: "Du tackade ja till ett erbjudande",
      FEE_WAIVED: "En avgift togs bort",
      PAYMENT_PLAN_AGREED: "Du valde att dela upp betalningen",
      PAYMENT_PLAN_ENDED: "Avbetalningsplanen avslutades",
      DISPUTE_OPENED: "Vi har pausat påminnelser medan vi utreder din invändning.",
      DISPUTE_CLOSED:
        "Vi har utrett din invändning. Är något kvar att betala fortsätter påminnelserna.",
    } as Record<string, string>,
    /** A collection step taken (REMINDER_SENT's data.step), then what it charged and why. */
    stepSent: {
      courtesy: "Vi skickade en vänlig påminnelse.",
      reminder: "Vi skickade en påminnelse.",
      final_reminder: "Vi skickade en sista påminnelse.",
      collection_handover: "Fakturan lämnades till inkasso med ett inkassokrav.",
    } as Record<string, string>,
    noCharge: "Ingen avgift togs ut.",
    payByDate: (date: string) => `Sista dag att betala: ${date}.`,
    planAgreed: (parts: number, fee: string | null) =>
      `Du valde att dela upp betalningen i ${parts} delar.${fee ? ` Avgift för avbetalningsplanen: ${fee} (förordning 1981:1057 3 §), som du godkände när du valde planen.` : " Ingen avgift för planen."}`,
    planEnded: {
      COMPLETED: "Avbetalningsplanen är betald. Tack!",
      BROKEN:
        "Avbetalningsplanen upphörde eftersom en del inte betalades i tid. Påminnelserna fortsätter.",
      CANCELLED: "Avbetalningsplanen avslutades.",
    } as Record<string, string>,
    payment: (amount: string) => `Betalning mottagen: ${amount}`,
    paymentWith: (amount: string, method: string) => `Betalning mottagen: ${amount} med ${method}`,
    /** How a payment was made, by the method its event records. */
    methods: {
      card: "kort",
      swish: "Swish",
      bankgiro: "bankgiro",
      bank_transfer: "banköverföring",
      swish_direct: "Swish",
    } as Record<string, string>,
    demoMethod: (method: string) => `${method} (demo)`,
    /** Where a refund goes and when it is there, by the way the customer paid. */
    refundTo: {
      card: { to: "till ditt kort", when: "inom 5–10 bankdagar" },
      swish: { to: "via Swish till kontot du betalade från", when: "inom 1–3 bankdagar" },
      bank_account: { to: "till kontot du betalade från", when: "inom några bankdagar" },
      swish_direct: { to: "via Swish till numret du betalade från", when: "inom några bankdagar" },
    } as Record<string, { to: string; when: string }>,
    refundPendingTo: (amount: string, to: string, when: string) =>
      `Återbetalning på väg: ${amount} ${to}. Pengarna brukar synas ${when}.`,
    creditedAmount: (amount: string) => `Fakturan krediterades med ${amount}`,
    compensation: (amount: string) => `Du fick ${amount} i kompensation`,
    respite: (date: string) => `Du fick längre tid att betala. Ny förfallodag: ${date}`,
    offerAccepted: (plan: string, date: string) => `Du valde ${plan} från ${date}`,
    feeWaived: (amount: string) => `Avgiften på ${amount} togs bort`,
    refunded: (amount: string) => `Återbetalt till dig: ${amount}`,
    refundPending: (amount: string) =>
      `Återbetalning på väg: ${amount}. Den brukar synas på ditt konto inom 5–10 bankdagar.`,
    refundCompleted: (amount: string) => `Återbetalningen på ${amount} är gjord.`,
    refundFailed: (amount: string) =>
      `Återbetalningen på ${amount} kunde inte göras. Pengarna finns kvar hos oss som ditt tillgodohavande, och vi hör av oss om hur du får dem.`,
    refundKept: (amount: string) =>
      `${amount} betalas inte tillbaka utan finns kvar hos oss som ditt tillgodohavande.`,
  },
  next: {
    heading: "Vad händer nu?",
    nothingToPay: "Du behöver inte betala något på den här fakturan.",
    paid: "Fakturan är betald. Tack! Du behöver inte göra något mer.",
    refundPending: (amount: string, to: string, when: string) =>
      `Vi betalar tillbaka ${amount} ${to}. Räkna med att pengarna syns ${when}.`,
    refundPendingSomewhere: (amount: string) =>
      `Vi betalar tillbaka ${amount} på samma sätt som du betalade. Räkna med att pengarna syns inom 5–10 bankdagar.`,
    creditBalance: (amount: string) =>
      // Nothing sets a credit off against later invoices: it is paid out when the customer asks.
      `Du har ${amount} tillgodo hos oss. Kontakta kundservice om du vill få det utbetalt.`,
    payBy: (amount: string, date: string) => `Betala ${amount} senast ${date}.`,
    nextBankingDay: (date: string) =>
      `Förfallodagen är ingen bankdag, så betalar du ${date} kommer betalningen ändå i tid.`,
    /** The engine's next step (what-happens-next.ts); the charges follow in charge-words' words. */
    stepPlanned: (noun: string, date: string) =>
      `Om vi inte fått betalt den ${date} skickar vi ${noun}.`,
    stepNouns: {
      COURTESY: "en vänlig påminnelse",
      REMINDER: "en påminnelse",
      FINAL_REMINDER: "en sista påminnelse",
      COLLECTION_HANDOVER: "ett inkassokrav",
    } as Record<"COURTESY" | "REMINDER" | "FINAL_REMINDER" | "COLLECTION_HANDOVER", string>,
    paused: {
      DISPUTE: "Vi har pausat påminnelser medan vi utreder din invändning.",
      PAYMENT_PLAN: "Påminnelser är pausade medan din avbetalningsplan gäller.",
      PAYMENT_IN_FLIGHT: "Påminnelser är pausade: din betalning är på väg till oss.",
    } as Record<"DISPUTE" | "PAYMENT_PLAN" | "PAYMENT_IN_FLIGHT", string>,
    handedOver: (agency: string, contact: string | null) =>
      `Fakturan är lämnad till ${agency} för inkasso. ${contact ? `Kontakta ${agency}: ${contact}.` : `Kontakta ${agency} om du har frågor.`}`,
    handedOverNoAgency: "Fakturan är lämnad för inkasso.",
    planPart: (part: {
      position: number;
      parts: number;
      amount: string;
      date: string;
      ocr: string;
    }) =>
      `Betala del ${part.position} av ${part.parts}, ${part.amount}, senast ${part.date} med OCR-nummer ${part.ocr}.`,
    reminderFee: (fee: string) => `Avgiften för den var ${fee}.`,
    pastDue: (date: string) =>
      `Förfallodagen ${date} har passerat. Betala gärna så snart du kan – hör av dig om något inte stämmer.`,
    reminderSent: (noun: string, date: string) => `Vi skickade ${noun} den ${date}.`,
  },
  /** What the customer may choose themselves: more time, a payment plan (lib/collections). */
  choices: invoiceChoiceMessages.sv,
  other: {
    heading: "Dina tidigare fakturor",
    invoiceFor: (period: string) => `Faktura för ${period}`,
  },
  /** The banner at the top when the invoice changed while it was open (live-changes.ts). */
  live: {
    heading: "Nytt på fakturan",
    dismiss: "Stäng",
    credited: (amount: string) => `${amount} har krediterats`,
    creditedRefund: (amount: string, to: string, when: string) =>
      `${amount} har krediterats — pengarna återbetalas ${to} ${when}`,
    paid: (amount: string, method: string | null) =>
      `Vi har tagit emot ${amount}${method ? ` med ${method}` : ""}`,
    left: (amount: string) => `kvar att betala: ${amount}`,
    paidInFull: "fakturan är betald. Tack!",
    refund: (amount: string, to: string, when: string) => `${amount} återbetalas ${to} ${when}`,
    refundSomewhere: (amount: string) => `${amount} återbetalas på samma sätt som du betalade`,
    refundDone: (amount: string) => `Återbetalningen på ${amount} är gjord`,
    refundFailed: (amount: string) =>
      `Återbetalningen på ${amount} kunde inte göras — pengarna finns kvar som ditt tillgodohavande`,
    refundKept: (amount: string) =>
      `${amount} betalas inte tillbaka — pengarna finns kvar som ditt tillgodohavande`,
    respite: (date: string) => `Ny förfallodag: ${date}`,
    feeWaived: (amount: string) => `Avgiften på ${amount} är borttagen`,
    compensation: (amount: string) => `Du har fått ${amount} i kompensation`,
    planAgreed: "Din avbetalningsplan gäller nu",
  },
};

type Messages = typeof sv;

const en: Messages = {
  pay: {
    open: "Pay",
    heading: "Pay the invoice",
    amountLegend: "Amount",
    full: "The full amount",
    part: "Another amount",
    partHint: "at least",
    partLabel: "Amount in kronor",
    methodLegend: "Payment method",
    card: "Card",
    swish: "Swish",
    continue: "Continue",
    cancel: "Cancel",
    demoBadge: "Demo — no money moves",
    demoWarning:
      "This is a demo: payments here are make-believe and no money moves. Pay a real invoice by bankgiro with the OCR reference.",
    demoCard: "This is a demo. Press to complete the card payment as if the bank approved it.",
    demoSwish: "This is a demo. In real life you open the Swish app and approve the payment.",
    demoApprove: "Approve the payment (demo)",
    demoSwishQr: "On a computer you first scan a QR code with your phone.",
    demoSwishOpen: "Open Swish (demo)",
    swishOpen: "Open Swish",
    swishShowQr: "Show the Swish QR code",
    swishOpenHint:
      "The Swish app opens with the payment filled in. Approve it there, then come back here.",
    swishQrHint:
      "A QR code appears. Scan it with the Swish app on your phone and approve the payment there.",
    demoDecline: "Decline (demo)",
    payNow: "Pay now",
    waitingCard: "Processing the payment …",
    waitingSwish: "Waiting for Swish …",
    paid: "Thank you! The payment is received.",
    failed: "The payment did not go through.",
    tryAgain: "Try again",
    loadingStripe: "Loading the payment form …",
    bankAlternative: "You can also pay by bankgiro with the OCR reference below.",
    errorGeneric: "Something went wrong. Please try again.",
    preview: "The customer pays through their own link.",
    bankOnly: "Pay by bankgiro with the OCR reference, or by Swish, using the details below.",
    tooMuch: "The amount is more than what is left to pay.",
    tooLittle: "The amount is below the smallest part payment we accept.",
    invalidAmount: "Write the amount in kronor, for example 150 or 150.50.",
    fullOnly: "This invoice has to be paid in full.",
    alreadyPaid: "There is nothing left to pay on this invoice.",
    anotherPayment:
      "Another payment of this invoice is under way. Finish it, or wait a moment and try again.",
    providerUnavailable:
      "The payment service is not answering right now. Nothing was charged — please try again shortly.",
    providerRefused:
      "The payment could not be started. Nothing was charged. Pay by bankgiro with the OCR reference, or contact us.",
    rateLimited: "Too many payment attempts. Please wait a moment and try again.",
    methodCard: "card",
    methodSwish: "Swish",
  },
  languageName: "English",
  invoice: "Invoice",
  creditNote: "Credit note",
  hello: (name: string) => `Hello ${name}!`,
  intro: (org: string, period: string) => `Here is your invoice from ${org} for ${period}.`,
  toPay: "To pay",
  nothingToPay: "Nothing to pay",
  settled: {
    paidHeading: "Paid",
    paid: (amount: string, date: string, methods: string | null) =>
      `You paid ${amount} on ${date}${methods ? ` by ${methods}` : ""}.`,
    paidInParts: (amount: string, parts: number, date: string, methods: string | null) =>
      `You paid ${amount} in ${parts} parts, the last on ${date}${methods ? `, by ${methods}` : ""}.`,
    paidUndated: (amount: string) => `You have paid ${amount}.`,
    creditedHeading: "Credited",
    credited: "The invoice is credited. You do not need to pay anything.",
    nothing: "You do not need to pay anything on this invoice.",
    credit: (amount: string) => `You have ${amount} in credit with us.`,
    leftToPay: "Left to pay",
    and: "and",
  },
  dueDate: "Due date",
  issueDate: "Invoice date",
  invoiceNumber: "Invoice number",
  creditNoteNumber: "Credit note number",
  creditNoteDate: "Date",
  customerNumber: "Customer number",
  ocr: "OCR reference",
  bankgiro: "Bankgiro",
  plusgiro: "Plusgiro",
  swish: "Swish",
  swishQr: "Scan with the Swish app to pay. Amount and message are filled in.",
  swishOpen: "Open Swish",
  swishOpenHint: "The amount and OCR reference are filled in in the app.",
  swishQrOtherDevice: "Paying from another phone? Scan the code",
  period: "Period",
  copy: "Copy",
  copied: "Copied",
  copyLabel: (what: string) => `Copy ${what}`,
  payButton: "Pay",
  language: "Language",
  switchTo: "På svenska",
  downloadPdf: "Download PDF",
  print: "Print",
  status: {
    draft: "Draft",
    open: "Unpaid",
    partly_paid: "Partly paid",
    paid: "Paid",
    credited: "Credited",
    overdue: "Overdue",
  },
  countdown: {
    dueIn: (days: number) => (days === 1 ? "1 day left" : `${days} days left`),
    dueToday: "Due today",
    overdueBy: (days: number) => (days === 1 ? "1 day overdue" : `${days} days overdue`),
  },
  usage: {
    heading: "Your usage",
    total: "Total for the period",
    perDay: "Average per day",
    comparedWithPrevious: "Compared with the period before",
    comparedWithLastYear: "Compared with the same period last year",
    noComparison: "Nothing to compare with yet",
    cost: "Cost of the usage",
    pricePerUnit: "Price per unit",
    includedInSubscription: "Included in your subscription",
    chartTitle: "Usage per day",
    chartTitleHourly: "Usage per hour",
    tableSummary: "Show as a table",
    tableCaption: "Usage in the period",
    columnTime: "Time",
    columnQuantity: "Amount",
    periodsHeading: "This period beside earlier ones",
    thisPeriod: "This period",
    previousPeriod: "The period before",
    lastYearPeriod: "The same period last year",
  },
  value: {
    heading: "What you got for the money",
    price: "You pay",
    compared: "Compared with",
    cheaper: (amount: string) => `${amount} cheaper`,
    dearer: (amount: string) => `${amount} more expensive`,
    samePrice: "The same price",
    higher: (amount: string) => `${amount} higher`,
    lower: (amount: string) => `${amount} lower`,
    same: "The same",
    points: (amount: string) =>
      `${amount} ${amount === "1" ? "percentage point" : "percentage points"}`,
  },
  lines: {
    heading: "Details",
    description: "Description",
    quantity: "Quantity",
    unitPrice: "Unit price excl. VAT",
    vatRate: "VAT",
    amount: "Amount excl. VAT",
    discount: (amount) => `Discount ${amount}`,
    quantityTimesPrice: (quantity, price) => `${quantity} × ${price}`,
    noVat: (reason) => `No VAT: ${vatReasonText(reason, "en")}`,
    groups: {
      SUBSCRIPTION: "Subscription",
      USAGE: "Usage",
      DISCOUNT: "Discounts",
      CREDIT: "Credits",
      FEE: "Fees",
      OTHER: "Other",
    },
  },
  vat: {
    heading: "VAT",
    rate: "VAT rate",
    taxable: "Taxable amount",
    vat: "VAT",
    net: "Total excl. VAT",
    totalVat: "Total VAT",
    rounding: "Rounding (öresutjämning)",
    total: "Total",
    totalCredited: "Total credited",
    paid: "Paid",
    credited: "Credited",
    left: "Left to pay",
  },
  creditNotes: {
    heading: "Credit notes for this invoice",
    item: (number: string, date: string) => `Credit note ${number}, dated ${date}`,
    vat: (amount: string) => `of which VAT ${amount}`,
    vatAt: (rate: number, amount: string) => `VAT ${rate} %: ${amount}`,
  },
  legal: {
    heading: "Payment and invoice details",
    seller: "Seller",
    buyer: "Buyer",
    orgNumber: "Company registration number",
    vatNumber: "VAT registration number",
    // The legal wording is Swedish (Peppol SE-R-005 requires exactly this text).
    fSkatt: "Godkänd för F-skatt (approved for F-tax)",
    buyerVat: "Buyer's VAT registration number",
    contact: "Contact",
  },
  timeline: {
    showCreditNote: (number) => `Show credit note ${number}`,
    heading: "What happened",
    events: {
      ISSUED: "Invoice issued",
      SENT: "Invoice sent to you",
      OPENED: "You opened the invoice",
      REMINDER_SENT: "Reminder sent",
      PAYMENT_RECEIVED: "Payment received",
      PAYMENT_REFUNDED: "Payment refunded",
      REFUND_COMPLETED: "The refund is complete",
      REFUND_FAILED: "The refund could not be made",
      CREDITED: "Invoice credited",
      COMPENSATION_CREDITED: "You received compensation",
      RESPITE_GRANTED: "You were given more time to pay",
      OFFER_ACCEPTED: "You accepted an offer",
      FEE_WAIVED: "A fee was removed",
      PAYMENT_PLAN_AGREED: "You chose to split the payment",
      PAYMENT_PLAN_ENDED: "The payment plan ended",
      DISPUTE_OPENED: "We have paused reminders while we look into your objection.",
      DISPUTE_CLOSED:
        "We have looked into your objection. If anything is left to pay, reminders carry on.",
    },
    stepSent: {
      courtesy: "We sent you a friendly reminder.",
      reminder: "We sent you a reminder.",
      final_reminder: "We sent you a final reminder.",
      collection_handover:
        "The invoice was passed on for collection with a debt collection demand.",
    },
    noCharge: "No fee was charged.",
    payByDate: (date: string) => `Last day to pay: ${date}.`,
    planAgreed: (parts: number, fee: string | null) =>
      `You chose to split the payment into ${parts} parts.${fee ? ` Payment plan fee: ${fee} (Swedish ordinance 1981:1057, section 3), which you accepted when you chose the plan.` : " The plan carries no fee."}`,
    planEnded: {
      COMPLETED: "The payment plan is paid. Thank you!",
      BROKEN: "The payment plan ended because a part was not paid on time. Reminders carry on.",
      CANCELLED: "The payment plan was ended.",
    },
    payment: (amount: string) => `Payment received: ${amount}`,
    paymentWith: (amount: string, method: string) => `Payment received: ${amount} by ${method}`,
    methods: {
      card: "card",
      swish: "Swish",
      bankgiro: "bankgiro",
      bank_transfer: "bank transfer",
      swish_direct: "Swish",
    },
    demoMethod: (method: string) => `${method} (demo)`,
    refundTo: {
      card: { to: "to your card", when: "within 5–10 banking days" },
      swish: { to: "through Swish to the account you paid from", when: "within 1–3 banking days" },
      bank_account: { to: "to the account you paid from", when: "within a few banking days" },
      swish_direct: {
        to: "through Swish to the number you paid from",
        when: "within a few banking days",
      },
    },
    refundPendingTo: (amount: string, to: string, when: string) =>
      `Refund on its way: ${amount} ${to}. The money usually arrives ${when}.`,
    creditedAmount: (amount: string) => `The invoice was credited by ${amount}`,
    compensation: (amount: string) => `You received ${amount} in compensation`,
    respite: (date: string) => `You were given more time to pay. New due date: ${date}`,
    offerAccepted: (plan: string, date: string) => `You chose ${plan} from ${date}`,
    feeWaived: (amount: string) => `The fee of ${amount} was removed`,
    refunded: (amount: string) => `Refunded to you: ${amount}`,
    refundPending: (amount: string) =>
      `Refund on its way: ${amount}. It usually reaches your account within 5–10 banking days.`,
    refundCompleted: (amount: string) => `The refund of ${amount} has been paid out.`,
    refundFailed: (amount: string) =>
      `The refund of ${amount} could not be made. The money stays with us as your credit, and we will be in touch about how you get it.`,
    refundKept: (amount: string) => `${amount} is not paid back: it stays with us as your credit.`,
  },
  next: {
    heading: "What happens next?",
    nothingToPay: "You do not need to pay anything on this invoice.",
    paid: "This invoice is paid. Thank you! There is nothing more to do.",
    refundPending: (amount: string, to: string, when: string) =>
      `We are paying ${amount} back ${to}. Expect the money ${when}.`,
    refundPendingSomewhere: (amount: string) =>
      `We are paying ${amount} back the way you paid. Expect the money within 5–10 banking days.`,
    creditBalance: (amount: string) =>
      `You have ${amount} in credit with us. Contact customer support to have it paid out to you.`,
    payBy: (amount: string, date: string) => `Pay ${amount} by ${date}.`,
    nextBankingDay: (date: string) =>
      `The due date is not a banking day, so a payment on ${date} is still on time.`,
    stepPlanned: (noun: string, date: string) =>
      `If we have not been paid by ${date}, we will send you ${noun}.`,
    stepNouns: {
      COURTESY: "a friendly reminder",
      REMINDER: "a reminder",
      FINAL_REMINDER: "a final reminder",
      COLLECTION_HANDOVER: "a debt collection demand",
    },
    paused: {
      DISPUTE: "We have paused reminders while we look into your objection.",
      PAYMENT_PLAN: "Reminders are paused while your payment plan is in force.",
      PAYMENT_IN_FLIGHT: "Reminders are paused: your payment is on its way to us.",
    },
    handedOver: (agency: string, contact: string | null) =>
      `The invoice has been passed to ${agency} for collection. ${contact ? `Contact ${agency}: ${contact}.` : `Contact ${agency} with any questions.`}`,
    handedOverNoAgency: "The invoice has been passed on for collection.",
    planPart: (part: {
      position: number;
      parts: number;
      amount: string;
      date: string;
      ocr: string;
    }) =>
      `Pay part ${part.position} of ${part.parts}, ${part.amount}, by ${part.date} with the OCR reference ${part.ocr}.`,
    reminderFee: (fee: string) => `It carried a fee of ${fee}.`,
    pastDue: (date: string) =>
      `The due date, ${date}, has passed. Please pay as soon as you can — and tell us if something is wrong.`,
    reminderSent: (noun: string, date: string) => `We sent you ${noun} on ${date}.`,
  },
  choices: invoiceChoiceMessages.en,
  other: {
    heading: "Your earlier invoices",
    invoiceFor: (period: string) => `Invoice for ${period}`,
  },
  live: {
    heading: "New on this invoice",
    dismiss: "Close",
    credited: (amount: string) => `${amount} has been credited`,
    creditedRefund: (amount: string, to: string, when: string) =>
      `${amount} has been credited — the money goes back ${to} ${when}`,
    paid: (amount: string, method: string | null) =>
      `We have received ${amount}${method ? ` by ${method}` : ""}`,
    left: (amount: string) => `left to pay: ${amount}`,
    paidInFull: "the invoice is paid. Thank you!",
    refund: (amount: string, to: string, when: string) => `${amount} goes back ${to} ${when}`,
    refundSomewhere: (amount: string) => `${amount} goes back the way you paid`,
    refundDone: (amount: string) => `The refund of ${amount} has been paid out`,
    refundFailed: (amount: string) =>
      `The refund of ${amount} could not be made — the money stays as your credit`,
    refundKept: (amount: string) => `${amount} is not paid back — the money stays as your credit`,
    respite: (date: string) => `New due date: ${date}`,
    feeWaived: (amount: string) => `The fee of ${amount} has been removed`,
    compensation: (amount: string) => `You have received ${amount} in compensation`,
    planAgreed: "Your payment plan is now in force",
  },
};

export const invoiceMessages = { sv, en } as const;
export type InvoiceLocale = keyof typeof invoiceMessages;
export type InvoiceMessages = Messages;
