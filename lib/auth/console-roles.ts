import type { StaffRole } from "@/lib/db/generated/client";

/**
 * Which roles may use which console; ADMIN may use them all. Apart from the session code, so the
 * socket server (plain Node, outside Next) can check roles without loading next-auth's providers.
 */
export const ALL_STAFF_ROLES: readonly StaffRole[] = ["ADMIN", "AGENT", "MARKETER", "FINANCE"];

export const CONSOLE_ROLES = {
  agent: ["AGENT", "ADMIN"],
  marketing: ["MARKETER", "ADMIN"],
  admin: ["ADMIN"],
  /** The credit controller's console: bank files, (later) collections and receivables. */
  finance: ["FINANCE", "ADMIN"],
  /** Payments the bank's files could not place: finance decides them, support may too. */
  unmatchedPayments: ["FINANCE", "AGENT", "ADMIN"],
} as const satisfies Record<string, readonly StaffRole[]>;
