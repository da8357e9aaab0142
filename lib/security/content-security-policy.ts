/**
 * The customer invoice page's Content-Security-Policy: scripts only with this response's nonce
 * (Next applies it to its own scripts), no inline script, no plugins, no framing of us, no
 * base-URI tricks. Styles may be inline attributes (brand colours); CSS cannot run code. Stripe's
 * origins are allowed only when Stripe is configured: Stripe.js and its payment frames. Images may
 * come from any https origin (marketers' content blocks); an image cannot run script, and plain
 * http is left out so a block cannot turn the page into mixed content.
 */
export function invoicePageCsp(
  nonce: string,
  options: { isDev: boolean; stripe: boolean },
): string {
  const scriptSrc = ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"];
  // React's development build evaluates code for its debugging aids; production never does.
  if (options.isDev) scriptSrc.push("'unsafe-eval'");
  // 'self' covers our own ws:/wss: origin (CSP Level 3); no other host may be reached.
  const connectSrc = ["'self'"];
  const frameSrc = ["'none'"];
  if (options.stripe) {
    scriptSrc.push("https://js.stripe.com");
    connectSrc.push("https://api.stripe.com");
    frameSrc.splice(0, 1, "https://js.stripe.com", "https://hooks.stripe.com");
  }
  return [
    "default-src 'self'",
    `script-src ${scriptSrc.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self'",
    `connect-src ${connectSrc.join(" ")}`,
    `frame-src ${frameSrc.join(" ")}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}

export function generateNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
