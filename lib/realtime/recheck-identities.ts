import type { Server } from "socket.io";
import { CONSOLE_ROLES } from "@/lib/auth/console-roles";
import { loadActiveStaff } from "@/lib/auth/staff-identity";
import type { Db } from "@/lib/db/database";
import { isAppError } from "@/lib/errors/app-error";
import { validTokenHashes } from "@/lib/invoices/link-scope";
import type { SocketIdentity } from "@/lib/realtime/socket-identity";

/** How often open connections are checked against the database again. */
export const RECHECK_INTERVAL_MS = 60_000;

/**
 * A connection proves who it is once, at the handshake; rights can end while it stays open (an
 * account disabled or moved to another role, an invoice link renewed, revoked or expired). This
 * process's connections are checked again with the handshake's own rules (loadActiveStaff for
 * staff; for customers, the link rule resolveLink applies, through validTokenHashes), and those
 * whose proof no longer holds are cut off.
 */
export async function recheckIdentities(io: Server, db: Db): Promise<number> {
  const sockets = [...io.of("/").sockets.values()];
  const identityOf = (socket: (typeof sockets)[number]) =>
    socket.data.identity as SocketIdentity | undefined;
  const staffIds = new Set<string>();
  const tokenHashes = new Set<string>();
  for (const socket of sockets) {
    const identity = identityOf(socket);
    if (identity?.kind === "staff") staffIds.add(identity.staffId);
    if (identity?.kind === "customer") tokenHashes.add(identity.tokenHash);
  }
  if (staffIds.size === 0 && tokenHashes.size === 0) return 0;
  const allowedStaff = new Set<string>();
  for (const staffId of staffIds) {
    // Only a refusal cuts a connection; a database that cannot answer now leaves them all be.
    const staff = await loadActiveStaff(db, staffId, CONSOLE_ROLES.agent).catch((error) => {
      if (isAppError(error)) return null;
      throw error;
    });
    if (staff) allowedStaff.add(staff.id);
  }
  const validTokens = await validTokenHashes(db, [...tokenHashes]);
  let cut = 0;
  for (const socket of sockets) {
    const identity = identityOf(socket);
    const stillValid =
      identity?.kind === "staff"
        ? allowedStaff.has(identity.staffId)
        : identity?.kind === "customer"
          ? validTokens.has(identity.tokenHash)
          : false;
    if (!stillValid) {
      socket.disconnect(true);
      cut += 1;
    }
  }
  return cut;
}
