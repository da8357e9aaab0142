import type { StaffRole } from "@/lib/db/generated/client";

/**
 * Which roles may use which console; ADMIN may use them all. Apart from the session code, so the
 * socket server (plain Node, outside Next) can check roles without loading next-auth's providers.
 */
export const ALL_STAFF_ROLES: readonly StaffRole[] = ["ADMIN", "AGENT", "MARKETER"];

export const CONSOLE_ROLES = {
  agent: ["AGENT", "ADMIN"],
  marketing: ["MARKETER", "ADMIN"],
  admin: ["ADMIN"],
} as const satisfies Record<string, readonly StaffRole[]>;
