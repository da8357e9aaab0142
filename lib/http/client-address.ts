import { createHmac } from "node:crypto";
import { isIPv4, isIPv6 } from "node:net";

/**
 * server.ts overwrites this header on every request with the connection's address (or, with
 * TRUST_PROXY, the first X-Forwarded-For hop), so a client cannot choose its own.
 */
export const CLIENT_ADDRESS_HEADER = "x-nota-client-address";

/**
 * The client's address: with TRUST_PROXY, the hop our proxy appended to X-Forwarded-For — the
 * rightmost; anything left of it the client could have written — else the connection's address.
 * Used for HTTP requests (server.ts) and socket handshakes alike.
 */
export function trustedClientAddress(
  forwardedFor: string | string[] | undefined,
  remoteAddress: string | undefined,
  trustProxy: boolean,
): string {
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  return (trustProxy && hops.at(-1)) || remoteAddress || "unknown";
}

type HeaderSource =
  | { get(name: string): string | null }
  | Record<string, string | string[] | undefined>;

export function clientAddressFrom(headers: HeaderSource): string {
  const value =
    typeof (headers as { get?: unknown }).get === "function"
      ? (headers as { get(name: string): string | null }).get(CLIENT_ADDRESS_HEADER)
      : (headers as Record<string, string | string[] | undefined>)[CLIENT_ADDRESS_HEADER];
  const address = Array.isArray(value) ? value[0] : value;
  return address || "unknown";
}

/**
 * Who counts as one client: an IPv4 address, or an IPv6 /64 — the smallest block a provider
 * hands one subscriber, so one attacker cannot take 2^64 fresh addresses to dodge every
 * per-address limit (IPv4 inside IPv6, ::ffff:a.b.c.d, is its IPv4 address).
 */
export function clientNetwork(address: string): string {
  const bare = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped && isIPv4(mapped[1]!)) return mapped[1]!;
  if (!isIPv6(bare)) return address;
  const [head = "", tail = ""] = bare.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = bare.includes("::") ? (tail ? tail.split(":") : []) : [];
  const groups = bare.includes("::")
    ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

/**
 * A key for counters and view records that does not keep the address in clear. Keyed with the
 * server's secret: a plain hash of an IPv4 address is reversed by trying all 2^32 of them.
 */
export function clientKey(address: string): string {
  const secret = process.env.NEXTAUTH_SECRET ?? "nota-unkeyed";
  return createHmac("sha256", secret)
    .update(`client:${clientNetwork(address)}`)
    .digest("base64url")
    .slice(0, 22);
}

let warnedAboutForwarding = false;

/**
 * Behind a proxy without TRUST_PROXY, every client has the proxy's address: one client's failed
 * lookups would count against everyone. Said once, when the first request carries
 * X-Forwarded-For while TRUST_PROXY is off. Returns whether it warned (tests).
 */
export function warnOnceAboutForwarding(
  forwardedFor: string | string[] | undefined,
  trustProxy: boolean,
  warn: (message: string) => void,
): boolean {
  if (trustProxy || warnedAboutForwarding || forwardedFor === undefined) return false;
  warnedAboutForwarding = true;
  warn(
    "Requests carry X-Forwarded-For but TRUST_PROXY is off: every client is seen with the proxy's address, so rate limits are shared by all. Set TRUST_PROXY=true when Nota runs behind your own proxy.",
  );
  return true;
}
