/** The words around marketing content on the customer's invoice page, Swedish and English. */
const sv = {
  offerLabel: "Erbjudande",
  switchTo: (plan: string) => `Byt till ${plan}`,
  summaryHeading: "Det här ändras",
  summary: (from: string | null, to: string, date: string) =>
    from
      ? `Du byter från ${from} till ${to} från och med ${date}.`
      : `Du får ${to} från och med ${date}.`,
  newFee: (fee: string) => `Ny månadsavgift: ${fee} inkl. moms.`,
  /** An estimate, never an exact figure: "ca 1 150 kr". */
  approximately: (amount: string) => `ca ${amount}`,
  savingHeadline: (saving: string, plan: string) => `Spara ${saving} per år med ${plan}`,
  extraCostHeadline: (extra: string, plan: string) =>
    `Med din förbrukning hade ${plan} kostat ${extra} mer per år`,
  saving: (amount: string) => `Med din förbrukning sparar du ${amount} per år.`,
  extraCost: (amount: string) => `Med din förbrukning kostar det ${amount} mer per år.`,
  unchanged: "Den här fakturan ändras inte.",
  confirm: "Bekräfta bytet",
  cancel: "Avbryt",
  accepted: (plan: string, date: string) => `Klart! Du har valt ${plan} från ${date}.`,
  failed: "Det gick inte att spara ditt val. Försök igen.",
  surveyThanks: "Tack för ditt svar!",
  surveyLow: { NPS: "Inte alls troligt", CSAT: "Mycket missnöjd" },
  surveyHigh: { NPS: "Mycket troligt", CSAT: "Mycket nöjd" },
  scoreLabel: (score: number) => `Betyg ${score}`,
};

export type ContentMessages = typeof sv;

const en: ContentMessages = {
  offerLabel: "Offer",
  switchTo: (plan: string) => `Switch to ${plan}`,
  summaryHeading: "What changes",
  summary: (from: string | null, to: string, date: string) =>
    from ? `You switch from ${from} to ${to} from ${date}.` : `You get ${to} from ${date}.`,
  newFee: (fee: string) => `New monthly fee: ${fee} incl. VAT.`,
  approximately: (amount: string) => `about ${amount}`,
  savingHeadline: (saving: string, plan: string) => `Save ${saving} a year with ${plan}`,
  extraCostHeadline: (extra: string, plan: string) =>
    `With your usage, ${plan} would have cost ${extra} more a year`,
  saving: (amount: string) => `With your usage you save ${amount} a year.`,
  extraCost: (amount: string) => `With your usage it costs ${amount} more a year.`,
  unchanged: "This invoice does not change.",
  confirm: "Confirm the switch",
  cancel: "Cancel",
  accepted: (plan: string, date: string) => `Done! You chose ${plan} from ${date}.`,
  failed: "Your choice could not be saved. Please try again.",
  surveyThanks: "Thank you for your answer!",
  surveyLow: { NPS: "Not at all likely", CSAT: "Very dissatisfied" },
  surveyHigh: { NPS: "Extremely likely", CSAT: "Very satisfied" },
  scoreLabel: (score: number) => `Score ${score}`,
};

export const contentMessages = { sv, en };
