import type { Locale } from "@/lib/db/generated/client";

/** Status names as the support console shows them, in running text and in filters. */
const sv = {
  invoice: {
    DRAFT: "utkast",
    OPEN: "öppen",
    PAID: "betald",
    CREDITED: "krediterad",
    OVERDUE: "förfallen",
  } as Record<string, string>,
  conversation: { OPEN: "öppen", RESOLVED: "avslutad" } as Record<string, string>,
};

const en: typeof sv = {
  invoice: {
    DRAFT: "draft",
    OPEN: "open",
    PAID: "paid",
    CREDITED: "credited",
    OVERDUE: "overdue",
  },
  conversation: { OPEN: "open", RESOLVED: "resolved" },
};

export const agentStatusMessages: Record<Locale, typeof sv> = { sv, en };

/** A status's name; an unknown one (a newer enum value) reads as the code in lower case. */
export function statusName(names: Record<string, string>, status: string): string {
  return names[status] ?? status.toLowerCase();
}
