import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/staff/sign-in-form";
import { ALL_STAFF_ROLES } from "@/lib/auth/console-roles";
import { homePathForRole, requireStaff } from "@/lib/auth/require-staff";
import { safeCallbackPath } from "@/lib/http/safe-callback-path";
import { signInLocale, signInMessages } from "@/lib/i18n/staff/sign-in";

export async function generateMetadata(): Promise<Metadata> {
  const locale = signInLocale((await headers()).get("accept-language"));
  return { title: signInMessages[locale].title, robots: { index: false } };
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callback = safeCallbackPath(params.callbackUrl);
  // Already signed in (and still allowed in): straight on to the console.
  const staff = await requireStaff(ALL_STAFF_ROLES).catch(() => null);
  if (staff) redirect(callback ?? homePathForRole(staff.role));
  const locale = signInLocale((await headers()).get("accept-language"));
  const t = signInMessages[locale];
  return (
    <main lang={locale} className="mx-auto max-w-sm px-4 py-16">
      <h1 className="text-2xl font-bold">{t.heading}</h1>
      <p className="mt-2 text-slate-700">{t.intro}</p>
      <SignInForm callbackPath={callback} locale={locale} />
    </main>
  );
}
