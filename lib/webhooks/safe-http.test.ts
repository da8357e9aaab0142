import { describe, expect, it } from "vitest";
import { checkOutboundUrl, guardedLookup, isPrivateAddress } from "@/lib/webhooks/safe-http";

describe("outbound requests to addresses customers choose", () => {
  it("knows our own network's addresses: loopback, private, link-local, CGNAT, multicast, mapped", () => {
    for (const address of [
      "127.0.0.1",
      "10.1.2.3",
      "172.16.0.1",
      "172.31.255.255",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "224.0.0.1",
      "::1",
      "::",
      "fe80::1",
      "fd00::1",
      "::ffff:127.0.0.1",
      "::ffff:10.0.0.1",
    ]) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
    for (const address of [
      "93.184.216.34",
      "8.8.8.8",
      "172.32.0.1",
      "2606:4700::1111",
      "::ffff:8.8.8.8",
    ]) {
      expect(isPrivateAddress(address), address).toBe(false);
    }
  });

  it("takes https URLs to public hosts only, unless private networks are allowed", () => {
    expect(checkOutboundUrl("https://erp.example.se/hooks/nota", false).hostname).toBe(
      "erp.example.se",
    );
    for (const url of [
      "http://erp.example.se/hooks",
      "https://127.0.0.1/hooks",
      "https://[::1]/hooks",
      "https://10.0.0.5/hooks",
      "https://localhost/hooks",
      "https://metadata.internal/x",
      "https://user:pass@erp.example.se/",
      "ftp://erp.example.se/",
      "not a url",
    ]) {
      expect(() => checkOutboundUrl(url, false), url).toThrow();
    }
    expect(checkOutboundUrl("http://127.0.0.1:8080/hooks", true).port).toBe("8080");
  });

  it("refuses a public name that resolves to our own network, on the address it connects to", async () => {
    // DNS that points erp.example.se at loopback (or changes its answer after a check).
    const lying = ((_host: string, _options: object, done: (...args: unknown[]) => void) =>
      done(null, [{ address: "127.0.0.1", family: 4 }])) as never;
    const answer = await new Promise<{ error: Error | null; address: unknown }>((resolve) =>
      guardedLookup(false, lying)("erp.example.se", { all: false }, (error, address) =>
        resolve({ error, address }),
      ),
    );
    expect(answer.error?.message).toMatch(/resolves only to private or special addresses/);
    const mixed = ((_host: string, _options: object, done: (...args: unknown[]) => void) =>
      done(null, [
        { address: "10.0.0.1", family: 4 },
        { address: "93.184.216.34", family: 4 },
      ])) as never;
    const usable = await new Promise<unknown>((resolve) =>
      guardedLookup(false, mixed)("erp.example.se", { all: false }, (_error, address) =>
        resolve(address),
      ),
    );
    expect(usable).toBe("93.184.216.34");
  });
});
