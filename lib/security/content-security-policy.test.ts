import { describe, expect, it } from "vitest";
import { generateNonce, invoicePageCsp } from "@/lib/security/content-security-policy";

const directive = (csp: string, name: string) =>
  csp.split("; ").find((d) => d.startsWith(`${name} `)) ?? "";

describe("invoicePageCsp", () => {
  it("allows scripts only with the nonce; never unsafe-inline scripts", () => {
    const csp = invoicePageCsp("abc123", { isDev: false, stripe: false });
    expect(directive(csp, "script-src")).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(directive(csp, "frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(directive(csp, "object-src")).toBe("object-src 'none'");
    expect(directive(csp, "connect-src")).toBe("connect-src 'self'");
  });

  it("lets content blocks show https images, never plain http ones", () => {
    const csp = invoicePageCsp("n", { isDev: false, stripe: false });
    expect(directive(csp, "img-src").split(" ")).toContain("https:");
    expect(directive(csp, "img-src").split(" ")).not.toContain("http:");
    expect(directive(csp, "script-src")).not.toContain("https:");
  });

  it("mentions Stripe only when Stripe is configured", () => {
    const without = invoicePageCsp("n", { isDev: false, stripe: false });
    expect(without).not.toContain("stripe.com");
    expect(directive(without, "frame-src")).toBe("frame-src 'none'");
    const withStripe = invoicePageCsp("n", { isDev: false, stripe: true });
    expect(directive(withStripe, "script-src")).toContain("https://js.stripe.com");
    expect(directive(withStripe, "connect-src")).toContain("https://api.stripe.com");
    expect(directive(withStripe, "frame-src")).toBe(
      "frame-src https://js.stripe.com https://hooks.stripe.com",
    );
    expect(directive(withStripe, "script-src")).not.toContain("unsafe-inline");
  });

  it("adds unsafe-eval for React's development build only", () => {
    expect(invoicePageCsp("n", { isDev: true, stripe: false })).toContain("'unsafe-eval'");
    expect(invoicePageCsp("n", { isDev: false, stripe: false })).not.toContain("'unsafe-eval'");
  });

  it("makes a fresh 128-bit nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, generateNonce));
    expect(nonces.size).toBe(100);
    expect(Buffer.from([...nonces][0]!, "base64")).toHaveLength(16);
  });
});
