import { NextRequest, NextResponse } from "next/server";
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";
import { AppError } from "@/lib/errors/app-error";
import { errorResponse, readBodyText } from "@/lib/http/api-response";
import { parseImageHosts } from "@/lib/http/image-hosts";
import { generateNonce, pageSecurityHeaders } from "@/lib/security/content-security-policy";

const handler = NextAuth(authOptions);

// A sign-in form is a few hundred bytes: next-auth would read any body whole, so it gets the body
// only after it was read here, within this limit (larger is 413 before next-auth sees it).
const AUTH_BODY_LIMIT = 16 * 1024;

type Context = { params: Promise<{ nextauth: string[] }> };

/**
 * next-auth parses a JSON body itself and throws on a malformed one (a 500): the body is checked
 * here first, so a bad body is 400 and a body of any other type 415, before next-auth sees it.
 */
function checkBody(contentType: string | null, body: string) {
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === "application/json") {
    try {
      JSON.parse(body);
    } catch {
      throw new AppError("BAD_INPUT", "The request body is not valid JSON");
    }
  } else if (type !== "application/x-www-form-urlencoded" && body !== "") {
    throw new AppError(
      "UNSUPPORTED_MEDIA_TYPE",
      "Send the sign-in form as application/x-www-form-urlencoded",
    );
  }
}

async function POST(request: Request, context: Context) {
  try {
    const body = await readBodyText(request, AUTH_BODY_LIMIT);
    checkBody(request.headers.get("content-type"), body);
    // next-auth reads the query through nextUrl: it needs a NextRequest.
    const bounded = new NextRequest(request.url, {
      method: request.method,
      headers: request.headers,
      body,
    });
    return await handler(bounded, context);
  } catch (error) {
    return errorResponse(error, { route: "auth" });
  }
}

/**
 * next-auth's own pages (sign-out, verify-request) are HTML outside the proxy's matcher: they get
 * the console's security headers here (they run no script; their one <style> is allowed).
 */
async function GET(request: NextRequest, context: Context) {
  try {
    const response: Response = await handler(request, context);
    if (!(response.headers.get("content-type") ?? "").startsWith("text/html")) return response;
    const secured = new NextResponse(response.body, response);
    const headers = pageSecurityHeaders(generateNonce(), request.nextUrl.pathname, {
      isDev: process.env.NODE_ENV === "development",
      stripe: false,
      imageHosts: parseImageHosts(process.env.CONTENT_IMAGE_HOSTS),
      appUrl: process.env.APP_URL,
    });
    for (const [name, value] of Object.entries(headers)) secured.headers.set(name, value);
    return secured;
  } catch (error) {
    return errorResponse(error, { route: "auth" });
  }
}

export { GET, POST };
