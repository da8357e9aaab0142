import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { resolveAuthSecret } from "@/lib/auth/auth-secret";
import { verifyStaffSignIn } from "@/lib/auth/staff-sign-in";
import { getDb } from "@/lib/db/client";
import type { StaffRole } from "@/lib/db/generated/client";
import { isAppError } from "@/lib/errors/app-error";
import { clientAddressFrom, clientKey } from "@/lib/http/client-address";
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
          // next-auth shows an authorize() error's message on the sign-in page: only ours, in
          // plain words; anything unexpected is logged and the user gets the generic text.
          if (isAppError(error)) throw new Error(error.message);
          log.error("sign-in failed unexpectedly", { error });
          throw new Error("Sign-in is not available right now. Try again in a moment.");
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
