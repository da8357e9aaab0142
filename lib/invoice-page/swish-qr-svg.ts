import QRCode from "qrcode";
import { buildSwishQrPayload } from "@/lib/references/swish-qr";

/**
 * The Swish QR code as an SVG path, drawn on the server (no script, no raw markup): payee, amount
 * and message prefilled and locked, so a scan pays exactly this invoice. The message carries the
 * OCR, which is how the payment finds its invoice.
 */
export interface QrPath {
  /** Modules per side, plus the quiet zone. */
  size: number;
  /** One "M x y h1 v1 h-1 z" square per dark module. */
  path: string;
  payload: string;
}

/** Four light modules around the code, as ISO/IEC 18004 asks of a QR code's quiet zone. */
const QUIET_ZONE = 4;

export function swishQrPath(input: { payee: string; amountOre: number; message: string }): QrPath {
  const payload = buildSwishQrPayload({
    payee: input.payee,
    amountOre: input.amountOre,
    message: input.message,
  });
  const { modules } = QRCode.create(payload, { errorCorrectionLevel: "M" });
  const squares: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) squares.push(`M${col + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`);
    }
  }
  return { size: modules.size + 2 * QUIET_ZONE, path: squares.join(""), payload };
}
