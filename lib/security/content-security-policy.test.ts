import { describe, expect, it } from "vitest";
import { isAllowedImageUrl, parseImageHosts } from "@/lib/http/image-hosts";
import {
  generateNonce,
  invoicePageCsp,
  pageCsp,
  pageFamily,
  pageSecurityHeaders,
  permissionsPolicy,
} from "@/lib/security/content-security-policy";

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

  it("lets images come only from us and the hosts allowed for marketers' images", () => {
    const csp = invoicePageCsp("n", { isDev: false, stripe: false });
    expect(directive(csp, "img-src")).toBe("img-src 'self' data: blob:");
    const withHosts = pageCsp("n", "invoice", {
      isDev: false,
      stripe: false,
      imageHosts: ["cdn.example.se", "bilder.example.com"],
    });
    expect(directive(withHosts, "img-src")).toBe(
      "img-src 'self' data: blob: https://cdn.example.se https://bilder.example.com",
    );
    expect(directive(withHosts, "img-src").split(" ")).not.toContain("https:");
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

describe("every page's security headers", () => {
  const options = { isDev: false, stripe: true, imageHosts: [] };

  it("sorts pages into invoice, console and framed preview", () => {
    expect(pageFamily("/i/abc")).toBe("invoice");
    expect(pageFamily("/i/abc/n/7")).toBe("invoice");
    expect(pageFamily("/marketing/preview/123")).toBe("frame");
    for (const path of ["/", "/signin", "/agent", "/marketing", "/admin/organization", "/nope"]) {
      expect(pageFamily(path)).toBe("console");
    }
  });

  it("gives the consoles a nonce policy without Stripe, framing only our own preview", () => {
    const csp = pageCsp("k", "console", options);
    expect(directive(csp, "script-src")).toBe("script-src 'self' 'nonce-k' 'strict-dynamic'");
    expect(csp).not.toContain("stripe.com");
    expect(directive(csp, "frame-src")).toBe("frame-src 'self'");
    expect(directive(csp, "frame-ancestors")).toBe("frame-ancestors 'none'");
    const preview = pageCsp("k", "frame", options);
    expect(directive(preview, "frame-ancestors")).toBe("frame-ancestors 'self'");
    expect(directive(preview, "frame-src")).toBe("frame-src 'none'");
  });

  it("keeps payment for the invoice page and Stripe only, and turns off what no page uses", () => {
    expect(permissionsPolicy("invoice")).toContain('payment=(self "https://js.stripe.com")');
    expect(permissionsPolicy("console")).toContain("payment=()");
    for (const family of ["invoice", "console", "frame"] as const) {
      for (const feature of ["camera", "microphone", "geolocation", "usb"]) {
        expect(permissionsPolicy(family)).toContain(`${feature}=()`);
      }
    }
  });

  it("sends COOP always and HSTS only over https", () => {
    const plain = pageSecurityHeaders("n", "/signin", {
      ...options,
      appUrl: "http://localhost:3000",
    });
    expect(plain["cross-origin-opener-policy"]).toBe("same-origin");
    expect(plain["strict-transport-security"]).toBeUndefined();
    const secure = pageSecurityHeaders("n", "/i/x", {
      ...options,
      appUrl: "https://faktura.example.se",
    });
    expect(secure["cross-origin-opener-policy"]).toBe("same-origin-allow-popups");
    expect(secure["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
  });

  it("reads CONTENT_IMAGE_HOSTS as plain host names and checks image addresses against them", () => {
    expect(
      parseImageHosts(" CDN.example.se, bilder.example.com,,https://x.example, *.evil, a b "),
    ).toEqual(["cdn.example.se", "bilder.example.com"]);
    const hosts = parseImageHosts("cdn.example.se");
    expect(isAllowedImageUrl("https://cdn.example.se/a.png", hosts)).toBe(true);
    expect(isAllowedImageUrl("http://cdn.example.se/a.png", hosts)).toBe(false);
    expect(isAllowedImageUrl("https://cdn.example.se.evil.example/a.png", hosts)).toBe(false);
    expect(isAllowedImageUrl("not a url", hosts)).toBe(false);
  });
});
