/**
 * The customer's e-mail address as their invoice page may show it: enough to recognise ("a…@
 * example.se") and to know where an answer goes, not enough to be read off a forwarded link. The
 * page is reached by a link that may travel; the address itself is not the page's to give away.
 */
export function maskEmail(email: string | null | undefined): string | null {
  if (!email) return null;
  const at = email.lastIndexOf("@");
  if (at <= 0 || at === email.length - 1) return null;
  const local = [...email.slice(0, at)];
  const domain = email.slice(at + 1).trim();
  if (!domain || /\s/.test(domain)) return null;
  return `${local[0]}…@${domain}`;
}
