import type { Server } from "socket.io";
import { CONSOLE_ROLES } from "@/lib/auth/console-roles";
import type { Db } from "@/lib/db/database";
import type { SocketIdentity } from "./socket-identity";

/** How often open connections are checked against the database again. */
export const RECHECK_INTERVAL_MS = 60_000;

/**
 * A connection proves who it is once, at the handshake; rights can end while it stays open (an
 * account disabled or moved to another role, an invoice link renewed). This process's connections
 * are checked again in two queries, and those whose proof no longer holds are cut off.
 */
export async function recheckIdentities(io: Server, db: Db): Promise<number> {
  const sockets = [...io.of("/").sockets.values()];
  const identityOf = (socket: (typeof sockets)[number]) => socket.data.identity as SocketIdentity;
  const staffIds = [
    ...new Set(
      sockets.flatMap((s) =>
        identityOf(s)?.kind === "staff" ? [(identityOf(s) as { staffId: string }).staffId] : [],
      ),
    ),
  ];
  const tokenHashes = [
    ...new Set(
      sockets.flatMap((s) =>
        identityOf(s)?.kind === "customer"
          ? [(identityOf(s) as { tokenHash: string }).tokenHash]
          : [],
      ),
    ),
  ];
  if (staffIds.length === 0 && tokenHashes.length === 0) return 0;
  const [staff, invoices] = await Promise.all([
    staffIds.length
      ? db.staffUser.findMany({
          where: { id: { in: staffIds } },
          select: { id: true, role: true, disabledAt: true },
        })
      : [],
    tokenHashes.length
      ? db.invoice.findMany({
          where: { accessTokenHash: { in: tokenHashes } },
          select: { accessTokenHash: true },
        })
      : [],
  ]);
  const allowedStaff = new Set(
    staff
      .filter(
        (row) => !row.disabledAt && (CONSOLE_ROLES.agent as readonly string[]).includes(row.role),
      )
      .map((row) => row.id),
  );
  const validTokens = new Set(invoices.map((row) => row.accessTokenHash));
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
