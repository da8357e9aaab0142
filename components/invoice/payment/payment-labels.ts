export type PaymentLabels = Record<
  | "open"
  | "heading"
  | "amountLegend"
  | "full"
  | "part"
  | "partHint"
  | "partLabel"
  | "methodLegend"
  | "card"
  | "swish"
  | "continue"
  | "cancel"
  | "demoBadge"
  | "demoWarning"
  | "demoCard"
  | "demoSwish"
  | "demoApprove"
  | "demoDecline"
  | "payNow"
  | "waitingCard"
  | "waitingSwish"
  | "paid"
  | "failed"
  | "tryAgain"
  | "loadingStripe"
  | "bankAlternative"
  | "errorGeneric"
  | "tooMuch"
  | "tooLittle"
  | "invalidAmount"
  | "fullOnly"
  | "alreadyPaid"
  | "anotherPayment"
  | "providerUnavailable"
  | "providerRefused"
  | "rateLimited",
  string
>;

export const PAYMENT_BUTTON =
  "rounded-lg bg-blue-700 px-5 py-3 text-lg font-semibold text-white hover:bg-blue-800 disabled:opacity-60";
export const PAYMENT_SECONDARY_BUTTON =
  "rounded-lg border border-slate-400 bg-white px-4 py-2 font-medium text-slate-900 hover:bg-slate-100";
