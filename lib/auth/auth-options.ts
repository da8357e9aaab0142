import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { resolveAuthSecret } from "@/lib/auth/auth-secret";
import { verifyStaffSignIn } from "@/lib/auth/staff-sign-in";
import { getDb } from "@/lib/db/client";
import type { StaffRole } from "@/lib/db/generated/client";
import { isAppError } from "@/lib/errors/app-error";
import { clientAddressFrom, clientKey } from "@/lib/http/client-address";
import { signInRefusalCode } from "@/lib/i18n/staff/sign-in";
import { createLogger } from "@/lib/log";

const log = createLogger("auth");

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET ?? resolveAuthSecret(),
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials, request) {
        try {
          const staff = await verifyStaffSignIn({
            db: await getDb(),
            credentials,
            clientKey: clientKey(clientAddressFrom(request?.headers ?? {})),
          });
          return staff;
        } catch (error) {
          // next-auth hands an authorize() error's message to the sign-in form: a code the form
          // says in the page's language (lib/i18n/staff/sign-in.ts), never our or a library's
          // words; anything unexpected is logged and the user is told to try again later.
          if (isAppError(error) && error.code === "UNAUTHENTICATED")
            throw new Error(signInRefusalCode({ kind: "wrong" }));
          if (isAppError(error) && error.code === "RATE_LIMITED") {
            const minutes = Number(error.details?.retryAfterMinutes);
            throw new Error(
              signInRefusalCode({
                kind: "rate-limited",
                minutes: Number.isFinite(minutes) ? minutes : 15,
              }),
            );
          }
          if (!isAppError(error)) log.error("sign-in failed unexpectedly", { error });
          throw new Error(signInRefusalCode({ kind: "unavailable" }));
        }
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        const staff = user as unknown as { id: string; role: StaffRole; organizationId: string };
        token.staffId = staff.id;
        token.role = staff.role;
        token.organizationId = staff.organizationId;
      }
      return token;
    },
    async session({ session, token }) {
      session.staff = {
        id: token.staffId,
        role: token.role,
        organizationId: token.organizationId,
        name: token.name ?? "",
        email: token.email ?? "",
      };
      return session;
    },
  },
};
