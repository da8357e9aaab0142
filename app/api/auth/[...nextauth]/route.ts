import { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";
import { errorResponse, readBodyText } from "@/lib/http/api-response";

const handler = NextAuth(authOptions);

// A sign-in form is a few hundred bytes: next-auth would read any body whole, so it gets the body
// only after it was read here, within this limit (larger is 413 before next-auth sees it).
const AUTH_BODY_LIMIT = 16 * 1024;

type Context = { params: Promise<{ nextauth: string[] }> };

async function POST(request: Request, context: Context) {
  let body: string;
  try {
    body = await readBodyText(request, AUTH_BODY_LIMIT);
  } catch (error) {
    return errorResponse(error, { route: "auth" });
  }
  // next-auth reads the query through nextUrl: it needs a NextRequest.
  const bounded = new NextRequest(request.url, {
    method: request.method,
    headers: request.headers,
    body,
  });
  return handler(bounded, context);
}

export { handler as GET, POST };
