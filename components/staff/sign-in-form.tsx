"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { type FormEvent, useState } from "react";
import { signInMessages, signInRefusalText } from "@/lib/i18n/staff/sign-in";
import type { Locale } from "@/lib/money/money";

export function SignInForm({
  callbackPath,
  locale,
}: {
  callbackPath: string | null;
  /** The page's language, chosen by the server from the browser's. */
  locale: Locale;
}) {
  const t = signInMessages[locale];
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    setPending(false);
    if (!result || result.error) {
      setError(signInRefusalText(result?.error ?? "CredentialsSignin", t));
      return;
    }
    // The sign-in page sends a signed-in user on to their console (or where they were going).
    router.replace(callbackPath ?? "/signin");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="mt-8 space-y-4" noValidate>
      <div>
        <label htmlFor="email" className="block font-medium">
          {t.email}
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          className="mt-1 w-full rounded border border-slate-400 bg-white px-3 py-2"
        />
      </div>
      <div>
        <label htmlFor="password" className="block font-medium">
          {t.password}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="mt-1 w-full rounded border border-slate-400 bg-white px-3 py-2"
        />
      </div>
      {error ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-red-800">
          {error}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 disabled:opacity-60"
      >
        {pending ? t.pending : t.submit}
      </button>
    </form>
  );
}
