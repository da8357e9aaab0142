"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import type { Locale } from "@/lib/db/generated/client";
import { financeBankMessages } from "@/lib/i18n/staff/finance/bank";

/**
 * While a bank file is still being imported, reads the page again from the server every few
 * seconds, so its status (and counts) change without a reload; it stops once none is waiting.
 */
export function RefreshWhileImporting({
  importing,
  everyMs = 3000,
  locale,
}: {
  importing: boolean;
  locale: Locale;
  everyMs?: number;
}) {
  const router = useRouter();
  useEffect(() => {
    if (!importing) return;
    const timer = window.setInterval(() => router.refresh(), everyMs);
    return () => window.clearInterval(timer);
  }, [importing, everyMs, router]);
  return importing ? (
    <p className="mt-2 text-sm text-slate-700" data-testid="bank-files-importing">
      {financeBankMessages[locale].importing}
    </p>
  ) : null;
}
