/**
 * Where to go after sign-in: only a path on this site, so a crafted link cannot send a freshly
 * signed-in agent to another site (open redirect).
 */
export function safeCallbackPath(value: string | string[] | undefined): string | null {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw) return null;
  let path = raw;
  try {
    const url = new URL(raw, "http://nota.invalid");
    if (url.origin !== "http://nota.invalid") {
      // next-auth hands over absolute URLs of this site; keep only their path.
      if (!/^https?:$/.test(url.protocol)) return null;
      path = url.pathname + url.search;
      if (raw.startsWith("http") && !isSameSite(url)) return null;
    } else {
      path = url.pathname + url.search;
    }
  } catch {
    return null;
  }
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return null;
  if (path.startsWith("/signin") || path.startsWith("/api/")) return null;
  return path;
}

function isSameSite(url: URL): boolean {
  const base = process.env.NEXTAUTH_URL;
  if (!base) return false;
  try {
    return new URL(base).origin === url.origin;
  } catch {
    return false;
  }
}
