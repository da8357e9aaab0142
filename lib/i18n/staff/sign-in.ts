import type { Locale } from "@/lib/money/money";

/**
 * The staff sign-in page's words. Before signing in nobody's language setting is known, so the page
 * speaks the browser's: Swedish when the Accept-Language header prefers it to English, English
 * otherwise (and when the header names neither). After signing in, the staff member's own setting
 * decides (lib/i18n/staff/shell.ts).
 */
const sv = {
  title: "Inloggning för personal",
  heading: "Inloggning för personal",
  intro: "För kundtjänst, ekonomi, marknad och administratörer.",
  email: "E-post",
  password: "Lösenord",
  submit: "Logga in",
  pending: "Loggar in…",
  wrong: "Fel e-post eller lösenord",
  rateLimited: (minutes: number) =>
    `För många misslyckade inloggningar. Försök igen om ${minutes} ${minutes === 1 ? "minut" : "minuter"}.`,
  unavailable: "Inloggningen fungerar inte just nu. Försök igen om en stund.",
};

const en: typeof sv = {
  title: "Staff sign-in",
  heading: "Staff sign-in",
  intro: "For support agents, finance, marketers and administrators.",
  email: "Email",
  password: "Password",
  submit: "Sign in",
  pending: "Signing in…",
  wrong: "Wrong email or password",
  rateLimited: (minutes: number) =>
    `Too many failed sign-ins. Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`,
  unavailable: "Sign-in is not available right now. Try again in a moment.",
};

export const signInMessages: Record<Locale, typeof sv> = { sv, en };
export type SignInMessages = typeof sv;

/**
 * Swedish or English from an Accept-Language header (RFC 9110 §12.5.4): the language with the
 * higher weight wins ("sv-SE", "sv" and "sv-FI" are Swedish; "en-*" English); a tie goes to the one
 * listed first; a header that names neither, or none at all, gives English.
 */
export function signInLocale(acceptLanguage: string | null | undefined): Locale {
  let best: { locale: Locale; q: number } | null = null;
  for (const part of (acceptLanguage ?? "").slice(0, 1_000).split(",")) {
    const [tag = "", ...params] = part.trim().toLowerCase().split(";");
    const primary = tag.trim().split("-")[0];
    if (primary !== "sv" && primary !== "en") continue;
    const qParam = params.map((param) => param.trim()).find((param) => param.startsWith("q="));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (!Number.isFinite(q) || q <= 0 || q > 1) continue;
    if (!best || q > best.q) best = { locale: primary, q };
  }
  return best?.locale ?? "en";
}

/**
 * What the server's sign-in refusal means, as next-auth hands it to the form (the error thrown in
 * authorize(), lib/auth/auth-options.ts): a code, never words, so the form can say it in the
 * page's language. "RATE_LIMITED:<minutes>" carries the wait.
 */
export type SignInRefusal =
  | { kind: "wrong" }
  | { kind: "rate-limited"; minutes: number }
  | { kind: "unavailable" };

export function signInRefusalCode(refusal: SignInRefusal): string {
  switch (refusal.kind) {
    case "wrong":
      return "UNAUTHENTICATED";
    case "rate-limited":
      return `RATE_LIMITED:${refusal.minutes}`;
    case "unavailable":
      return "UNAVAILABLE";
  }
}

/** The words for a refusal code from the server (next-auth's own "CredentialsSignin" is "wrong"). */
export function signInRefusalText(code: string, t: SignInMessages): string {
  if (code === "UNAUTHENTICATED" || code === "CredentialsSignin") return t.wrong;
  const limited = /^RATE_LIMITED:(\d{1,4})$/.exec(code);
  if (limited) return t.rateLimited(Math.max(1, Number(limited[1])));
  return t.unavailable;
}
