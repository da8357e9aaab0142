import { buildSwishQrPayload } from "@/lib/references/swish-qr";

/**
 * The link that opens the Swish app on the phone the customer reads the invoice on (Swish's app
 * switch, `swish://payment?data=…`), with payee, amount and message filled in and locked — the
 * same payment the QR code describes, for the phone that cannot scan its own screen. The fields
 * are checked by the QR payload's own rules (swish-qr.ts) first, so both say the same or neither
 * is drawn. The amount is written from integer öre as a decimal literal, never via a float.
 */
export function swishAppLink(input: { payee: string; amountOre: number; message: string }): string {
  const payload = buildSwishQrPayload(input);
  const payee = payload.slice(1).split(";")[0]!;
  const digits = String(input.amountOre).padStart(3, "0");
  const amount = `${digits.slice(0, -2)}.${digits.slice(-2)}`;
  const data =
    `{"version":1,"payee":{"value":${JSON.stringify(payee)},"editable":false},` +
    `"amount":{"value":${amount},"editable":false},` +
    `"message":{"value":${JSON.stringify(input.message)},"editable":false}}`;
  return `swish://payment?data=${encodeURIComponent(data)}`;
}
