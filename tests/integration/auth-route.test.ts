import { describe, expect, it } from "vitest";
import { callRoute, type RouteModule } from "@/tests/helpers/route-harness";

/**
 * next-auth's own endpoints behind our wrapper: a malformed or foreign body is refused with the
 * house's problem reply before next-auth sees it (next-auth threw on it: a 500). Its HTML pages'
 * headers need a real request scope: tests/e2e/security-headers.spec.ts checks them.
 */
process.env.NEXTAUTH_SECRET ??= "auth-route-test-secret-0123456789abcdef";
process.env.APP_URL ??= "http://nota.test";

const route = () => import("@/app/api/auth/[...nextauth]/route") as unknown as Promise<RouteModule>;
// next-auth's catch-all segment is an array; the harness's params type names single segments.
const params = (path: string) =>
  ({ nextauth: path.split("/") }) as unknown as Record<string, string>;

describe("the next-auth route", () => {
  it("answers a malformed JSON body with 400, never a 500", async () => {
    for (const rawBody of ["{not json", ""]) {
      const response = await callRoute(await route(), {
        method: "POST",
        path: "/api/auth/callback/credentials",
        params: params("callback/credentials"),
        rawBody,
      });
      expect(response.status, JSON.stringify(rawBody)).toBe(400);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      expect(await response.json()).toMatchObject({ code: "BAD_INPUT" });
    }
  });

  it("answers a body of another type with 415", async () => {
    const response = await callRoute(await route(), {
      method: "POST",
      path: "/api/auth/callback/credentials",
      params: params("callback/credentials"),
      rawBody: "<x/>",
      headers: { "content-type": "application/xml" },
    });
    expect(response.status).toBe(415);
  });
});
