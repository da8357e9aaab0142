/**
 * The security headers of every HTML page, per family of pages:
 * - invoice: the customer's invoice pages (/i/…), where Stripe.js may run and take payments;
 * - console: everything else a browser renders (sign-in, the staff consoles, the home page),
 *   where customers' chat text and marketers' content are shown to staff;
 * - frame: the marketers' live preview, which the console shows in a frame of its own origin.
 *
 * Scripts run only with this response's nonce (Next applies it to its own scripts), never inline
 * script, no plugins, no base-URI tricks, no framing of us (except the preview, by ourselves).
 * Styles may be inline attributes (brand colours); CSS cannot run code. Images come from us and
 * from the hosts marketers' images are allowed on (CONTENT_IMAGE_HOSTS), nothing else.
 */
export type PageFamily = "invoice" | "console" | "frame";

export function pageFamily(pathname: string): PageFamily {
  if (pathname.startsWith("/i/")) return "invoice";
  if (pathname === "/marketing/preview" || pathname.startsWith("/marketing/preview/")) {
    return "frame";
  }
  return "console";
}

export interface CspOptions {
  isDev: boolean;
  /** Stripe is configured: Stripe.js and its payment frames (invoice pages only). */
  stripe: boolean;
  /** Hosts marketers' images may be loaded from (https only). */
  imageHosts: readonly string[];
}

export function pageCsp(nonce: string, family: PageFamily, options: CspOptions): string {
  const scriptSrc = ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"];
  // React's development build evaluates code for its debugging aids; production never does.
  if (options.isDev) scriptSrc.push("'unsafe-eval'");
  // 'self' covers our own ws:/wss: origin (CSP Level 3); no other host may be reached.
  const connectSrc = ["'self'"];
  // The console shows the marketers' preview in a frame of our own; invoice pages frame nothing
  // but Stripe's payment frames.
  const frameSrc = family === "console" ? ["'self'"] : ["'none'"];
  if (family === "invoice" && options.stripe) {
    scriptSrc.push("https://js.stripe.com");
    connectSrc.push("https://api.stripe.com");
    frameSrc.splice(0, frameSrc.length, "https://js.stripe.com", "https://hooks.stripe.com");
  }
  const imgSrc = [
    "'self'",
    "data:",
    "blob:",
    ...options.imageHosts.map((host) => `https://${host}`),
  ];
  return [
    "default-src 'self'",
    `script-src ${scriptSrc.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src ${imgSrc.join(" ")}`,
    "font-src 'self'",
    `connect-src ${connectSrc.join(" ")}`,
    `frame-src ${frameSrc.join(" ")}`,
    `frame-ancestors ${family === "frame" ? "'self'" : "'none'"}`,
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}

/** The invoice page's policy (kept for its callers and tests). */
export function invoicePageCsp(
  nonce: string,
  options: { isDev: boolean; stripe: boolean; imageHosts?: readonly string[] },
): string {
  return pageCsp(nonce, "invoice", { imageHosts: [], ...options });
}

// Powerful features no page of ours uses are off for us and for anything we frame; `payment`
// stays on for the invoice page and Stripe's frames (Apple Pay and Google Pay need it).
const FEATURES_OFF = [
  "accelerometer",
  "ambient-light-sensor",
  "autoplay",
  "battery",
  "bluetooth",
  "browsing-topics",
  "camera",
  "display-capture",
  "encrypted-media",
  "geolocation",
  "gyroscope",
  "hid",
  "magnetometer",
  "microphone",
  "midi",
  "serial",
  "usb",
  "xr-spatial-tracking",
];

export function permissionsPolicy(family: PageFamily): string {
  const payment = family === "invoice" ? 'payment=(self "https://js.stripe.com")' : "payment=()";
  return [...FEATURES_OFF.map((feature) => `${feature}=()`), payment].join(", ");
}

/**
 * Cross-Origin-Opener-Policy: our pages share no browsing context group with other sites. The
 * invoice page keeps popups it opens (a payment method's own window) able to report back.
 */
export function openerPolicy(family: PageFamily): string {
  return family === "invoice" ? "same-origin-allow-popups" : "same-origin";
}

/** HSTS, only when the site is served over https (APP_URL), for every response. */
export function strictTransportSecurity(appUrl: string | undefined): string | null {
  return appUrl?.startsWith("https://") ? "max-age=31536000; includeSubDomains" : null;
}

/** All of a page's security headers, as the proxy sets them. */
export function pageSecurityHeaders(
  nonce: string,
  pathname: string,
  options: CspOptions & { appUrl?: string },
): Record<string, string> {
  const family = pageFamily(pathname);
  const headers: Record<string, string> = {
    "content-security-policy": pageCsp(nonce, family, options),
    "permissions-policy": permissionsPolicy(family),
    "cross-origin-opener-policy": openerPolicy(family),
  };
  const hsts = strictTransportSecurity(options.appUrl);
  if (hsts) headers["strict-transport-security"] = hsts;
  return headers;
}

export function generateNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
