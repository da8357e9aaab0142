import { describe, expect, it } from "vitest";
import { trustedClientAddress, warnOnceAboutForwarding } from "@/lib/http/client-address";

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
});
