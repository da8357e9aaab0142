import type { Env } from "@/lib/env";

/**
 * What a start logs about demo payments. With them on, anyone holding an invoice link can mark it
 * paid and no money moves: right for `npm run demo` and the end-to-end tests, wrong for a real
 * deployment — so a production start says so loudly (the payment step says so too, with its
 * demo-warning banner). A development start, or one without demo payments, says nothing.
 */
export function demoPaymentsStartWarning(
  env: Pick<Env, "demoPayments" | "NODE_ENV">,
): string | null {
  if (!env.demoPayments || env.NODE_ENV !== "production") return null;
  return (
    "DEMO PAYMENTS ARE ON: anyone with an invoice link can mark it paid, and no money moves. " +
    "This is for the demo only; unset DEMO_PAYMENTS for a real deployment."
  );
}
