/**
 * The payment panel's sentences with amounts in them, Swedish and English. Apart from the page's
 * dictionary (invoice-messages.ts `pay`, plain words handed to the panel as props) because a
 * client component cannot be handed functions: the panel imports these itself.
 */
const sv = {
  /** The approval step repeats what is about to happen: how much, and how. */
  approveSummary: (amount: string, method: string) => `Du betalar ${amount} med ${method}.`,
  /** After a part payment: what was paid, what is left, and the way to pay the rest. */
  paidPart: (paid: string) => `Du betalade ${paid}.`,
  leftToPay: (left: string) => `Kvar att betala: ${left}.`,
  payRest: (left: string) => `Betala resten, ${left}`,
};

export type PaymentSentences = typeof sv;

const en: PaymentSentences = {
  approveSummary: (amount, method) => `You pay ${amount} by ${method}.`,
  paidPart: (paid) => `You paid ${paid}.`,
  leftToPay: (left) => `Left to pay: ${left}.`,
  payRest: (left) => `Pay the rest, ${left}`,
};

export const paymentSentences = { sv, en };
