import { type NextFetchEvent, NextRequest } from "next/server";
import type { NextRequestWithAuth } from "next-auth/middleware";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setDatabase } from "@/lib/db/client";
import { linkLimiter } from "@/lib/invoices/link-limiter";
import { resolveLinkScope } from "@/lib/invoices/link-scope";
import { proxy } from "@/proxy";
import { createIssuedInvoice, createOrganizationWithCustomer } from "@/tests/helpers/fixtures";
import { callRoute, HARNESS_ORIGIN } from "@/tests/helpers/route-harness";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import * as pdfRoute from "../../app/i/[token]/pdf/route";

/**
 * A customer pastes their invoice link with the sentence's full stop (or a space, a bracket, a
 * quote) stuck to it: the boundary sends them on to the clean link before any lookup, so the link
 * opens and the paste never counts as a failed lookup against their address.
 */
process.env.NEXTAUTH_SECRET ??= "pasted-link-secret-0123456789abcdef";
process.env.APP_URL ??= HARNESS_ORIGIN;

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  setDatabase(db);
});
afterAll(async () => db?.close());

function visit(path: string): Promise<Response> | Response {
  const request = new NextRequest(`${HARNESS_ORIGIN}${path}`) as NextRequestWithAuth;
  return proxy(request, {} as NextFetchEvent) as Promise<Response> | Response;
}

describe("an invoice link pasted with something stuck to its end", () => {
  it("is sent on to the clean link (path and query kept), which opens, and no miss is counted", async () => {
    const world = await createOrganizationWithCustomer(db.prisma);
    const invoice = await createIssuedInvoice(db.prisma, world);
    const token = invoice.accessToken;
    const hit = vi.spyOn(linkLimiter(), "hit");

    for (const [pasted, clean] of [
      [`/i/${token}.`, `/i/${token}`],
      [`/i/${token}%20`, `/i/${token}`],
      [`/i/${token}),`, `/i/${token}`],
      [`/i/${token}%E2%80%9D?new-link=sent`, `/i/${token}?new-link=sent`],
      [`/i/${token}/pdf.`, `/i/${token}/pdf`],
    ] as const) {
      const response = await visit(pasted);
      expect(response.status, pasted).toBe(308);
      expect(response.headers.get("location"), pasted).toBe(`${HARNESS_ORIGIN}${clean}`);
      expect(response.headers.get("cache-control")).toBe("private, no-store");
    }
    expect(hit).not.toHaveBeenCalled();

    // Where it is sent opens the invoice, the PDF too.
    const scope = await resolveLinkScope(db.prisma, { token, visitorKey: "pasted-link" });
    expect(scope?.invoiceId).toBe(invoice.id);
    const pdf = await callRoute(pdfRoute, {
      method: "GET",
      path: `/i/${token}/pdf`,
      params: { token },
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toContain("application/pdf");
    expect(hit).not.toHaveBeenCalled();
    hit.mockRestore();
  });

  it("is never guessed at: anything else goes on to the route (and its one 404)", async () => {
    const world = await createOrganizationWithCustomer(db.prisma);
    const { accessToken: token } = await createIssuedInvoice(db.prisma, world);
    for (const path of [
      `/i/${token}`,
      `/i/${token}x`,
      `/i/${token.slice(0, -1)}.`,
      `/i/${token}./pdf`,
    ]) {
      const response = await visit(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("location"), path).toBeNull();
      // Passed on to the route with the page's security headers.
      expect(response.headers.get("x-middleware-next"), path).toBe("1");
      expect(response.headers.get("content-security-policy"), path).toBeTruthy();
    }
  });
});
