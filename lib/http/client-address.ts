import { createHmac } from "node:crypto";

/**
 * server.ts overwrites this header on every request with the connection's address (or, with
 * TRUST_PROXY, the first X-Forwarded-For hop), so a client cannot choose its own.
 */
export const CLIENT_ADDRESS_HEADER = "x-nota-client-address";

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
 * A key for counters and view records that does not keep the address in clear. Keyed with the
 * server's secret: a plain hash of an IPv4 address is reversed by trying all 2^32 of them.
 */
export function clientKey(address: string): string {
  const secret = process.env.NEXTAUTH_SECRET ?? "nota-unkeyed";
  return createHmac("sha256", secret).update(`client:${address}`).digest("base64url").slice(0, 22);
}
