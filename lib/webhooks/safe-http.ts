import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { BlockList, isIP, type LookupFunction } from "node:net";

/**
 * Outbound requests to addresses customers chose (webhook endpoints) must not reach our own
 * network: loopback, private, link-local (cloud metadata at 169.254.169.254), carrier-grade NAT,
 * multicast and the other special ranges are refused unless WEBHOOK_ALLOW_PRIVATE_NETWORKS=true
 * (local tests). The check is made on the address actually connected to — the lookup's answer,
 * not the URL — so DNS that points a public name at 127.0.0.1 (or changes its answer between a
 * check and the connect) is refused too. Redirects are not followed.
 */
const blocked = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  blocked.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b::", 96],
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) {
  blocked.addSubnet(network, prefix, "ipv6");
}

export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, "ipv4");
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return blocked.check(mapped[1]!, "ipv4");
    return blocked.check(address, "ipv6");
  }
  return true;
}

export class OutboundRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OutboundRefused";
  }
}

export interface OutboundAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The start of the answer's body (for the delivery log). */
  bodyStart: string;
}

/** The lookup every outbound connection uses: only allowed addresses come back (exported for tests). */
export function guardedLookup(
  allowPrivate: boolean,
  resolve: typeof dnsLookup = dnsLookup,
): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (error, list: LookupAddress[]) => {
      if (error) return callback(error, "", 4);
      const usable = allowPrivate ? list : list.filter((a) => !isPrivateAddress(a.address));
      if (usable.length === 0) {
        return callback(
          new OutboundRefused(`${hostname} resolves only to private or special addresses`),
          "",
          4,
        );
      }
      if (options.all) return callback(null, usable);
      callback(null, usable[0]!.address, usable[0]!.family);
    });
  };
}

/** A URL we may send to, or the reason it is refused (at registration and before each send). */
export function checkOutboundUrl(raw: string, allowPrivate: boolean): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutboundRefused("not a URL");
  }
  if (url.protocol !== "https:" && !(allowPrivate && url.protocol === "http:")) {
    throw new OutboundRefused("the URL must start with https://");
  }
  if (url.username || url.password) throw new OutboundRefused("the URL must not carry a password");
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (!allowPrivate && isIP(host) && isPrivateAddress(host)) {
    throw new OutboundRefused(`${host} is a private or special address`);
  }
  if (!allowPrivate && /^(localhost|.*\.localhost|.*\.local|.*\.internal)$/i.test(host)) {
    throw new OutboundRefused(`${host} is not a public host name`);
  }
  return url;
}

export async function postOutbound(options: {
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
  allowPrivate: boolean;
}): Promise<OutboundAnswer> {
  const url = checkOutboundUrl(options.url, options.allowPrivate);
  const client = url.protocol === "https:" ? https : http;
  return new Promise<OutboundAnswer>((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: "POST",
        headers: { ...options.headers, "content-length": Buffer.byteLength(options.body) },
        lookup: guardedLookup(options.allowPrivate),
        timeout: options.timeoutMs,
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          if (size < 4096) chunks.push(chunk);
          size += chunk.length;
        });
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            bodyStart: Buffer.concat(chunks).toString("utf8").slice(0, 500),
          }),
        );
        response.on("error", reject);
      },
    );
    // One deadline for the whole exchange, not only for an idle socket.
    const deadline = setTimeout(() => {
      request.destroy(new Error(`no answer within ${options.timeoutMs / 1000} s`));
    }, options.timeoutMs);
    request.on("timeout", () => request.destroy(new Error("the connection went quiet")));
    request.on("error", (error) => {
      clearTimeout(deadline);
      reject(error);
    });
    request.on("close", () => clearTimeout(deadline));
    request.end(options.body);
  });
}
