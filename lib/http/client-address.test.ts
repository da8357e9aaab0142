import { describe, expect, it } from "vitest";
import {
  clientKey,
  clientNetwork,
  trustedClientAddress,
  warnOnceAboutForwarding,
} from "@/lib/http/client-address";

describe("the client's address", () => {
  it("is the connection's address unless TRUST_PROXY, then the hop our proxy appended", () => {
    expect(trustedClientAddress("1.1.1.1, 10.0.0.2", "10.0.0.9", false)).toBe("10.0.0.9");
    expect(trustedClientAddress("1.1.1.1, 10.0.0.2", "10.0.0.9", true)).toBe("10.0.0.2");
    expect(trustedClientAddress(undefined, undefined, true)).toBe("unknown");
  });

  it("warns once when requests carry X-Forwarded-For while TRUST_PROXY is off", () => {
    const warnings: string[] = [];
    const warn = (message: string) => warnings.push(message);
    expect(warnOnceAboutForwarding(undefined, false, warn)).toBe(false);
    expect(warnOnceAboutForwarding("1.1.1.1", true, warn)).toBe(false);
    expect(warnOnceAboutForwarding("1.1.1.1", false, warn)).toBe(true);
    expect(warnOnceAboutForwarding("2.2.2.2", false, warn)).toBe(false);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/TRUST_PROXY/);
  });

  it("counts an IPv6 /64 as one client (a subscriber's block), IPv4 per address", () => {
    expect(clientNetwork("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(clientNetwork("2001:0db8:0001:0002:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(clientNetwork("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(clientNetwork("::1")).toBe("0:0:0:0::/64");
    expect(clientNetwork("::ffff:203.0.113.9")).toBe("203.0.113.9");
    expect(clientNetwork("203.0.113.9")).toBe("203.0.113.9");
    expect(clientNetwork("unknown")).toBe("unknown");
    expect(clientKey("2001:db8:1:2::5")).toBe(clientKey("2001:db8:1:2:9:9:9:9"));
    expect(clientKey("2001:db8:1:3::5")).not.toBe(clientKey("2001:db8:1:2::5"));
    expect(clientKey("203.0.113.9")).not.toBe(clientKey("203.0.113.10"));
  });
});
