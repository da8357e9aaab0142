"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * While a bank file is still being imported, reads the page again from the server every few
 * seconds, so its status (and counts) change without a reload; it stops once none is waiting.
 */
export function RefreshWhileImporting({
  importing,
  everyMs = 3000,
}: {
  importing: boolean;
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
      A file is being imported; this page updates itself.
    </p>
  ) : null;
}
