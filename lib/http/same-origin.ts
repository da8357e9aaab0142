import { AppError } from "@/lib/errors/app-error";

/**
 * Staff actions are authorised by a session cookie, so a request from another site must not be
 * able to ride on it: state-changing staff requests must say (Origin, or failing that Referer)
 * that they come from this very site. Browsers always send Origin on fetch POSTs.
 */
export function assertSameOrigin(request: Request, appUrl?: string): void {
  const claimed = request.headers.get("origin") ?? request.headers.get("referer");
  if (!claimed) throw new AppError("FORBIDDEN", "Missing Origin header");
  let origin: string;
  try {
    origin = new URL(claimed).origin;
  } catch {
    throw new AppError("FORBIDDEN", "Malformed Origin header");
  }
  const host = request.headers.get("host");
  const allowed = siteOrigins(host, new URL(request.url).protocol, appUrl);
  if (!allowed.has(origin)) throw new AppError("FORBIDDEN", "Cross-site request refused");
}

/** The origins this site answers as: its Host as requested, and APP_URL's. */
export function siteOrigins(
  host: string | null | undefined,
  scheme: string,
  appUrl?: string,
): Set<string> {
  const allowed = new Set<string>();
  if (host) allowed.add(`${scheme}//${host}`);
  if (appUrl) allowed.add(new URL(appUrl).origin);
  return allowed;
}
