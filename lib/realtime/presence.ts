import type { Server } from "socket.io";
import { displayName } from "@/lib/chat/chat-message-view";
import { isWithinSupportHours } from "@/lib/chat/support-hours";
import type { Db } from "@/lib/db/database";
import { createLogger } from "@/lib/log";
import { BoundedMap } from "@/lib/memory/bounded-map";
import { rooms } from "@/lib/realtime/rooms";
import type { SocketIdentity } from "@/lib/realtime/socket-identity";

const log = createLogger("realtime");

export interface StaffPresence {
  invoiceId: string;
  customerOnline: boolean;
  agents: Array<{ staffId: string; name: string }>;
}
export interface CustomerPresence {
  /** First names of the agents who have the invoice open now. */
  agents: Array<{ name: string }>;
}
export interface SupportStatus {
  online: boolean;
  withinHours: boolean;
  responseHours: number;
}

const ANSWERING_ROLES = new Set(["AGENT", "ADMIN"]);

/**
 * Who is on an invoice right now, across every process (fetchSockets goes through the adapter).
 * When the adapter cannot answer (Redis down) presence is simply not updated: it is a hint, and
 * the next connect or watch corrects it.
 */
export async function presenceOf(io: Server, invoiceId: string): Promise<StaffPresence> {
  const [customers, staff] = await Promise.all([
    io.in(rooms.invoice(invoiceId)).fetchSockets(),
    io.in(rooms.invoiceStaff(invoiceId)).fetchSockets(),
  ]);
  const agents = new Map<string, string>();
  for (const socket of staff) {
    const identity = socket.data.identity as SocketIdentity | undefined;
    if (identity?.kind === "staff") agents.set(identity.staffId, identity.name);
  }
  return {
    invoiceId,
    customerOnline: customers.length > 0,
    agents: [...agents].map(([staffId, name]) => ({ staffId, name })),
  };
}

export function customerPresence(presence: StaffPresence): CustomerPresence {
  return { agents: presence.agents.map((agent) => ({ name: displayName(agent.name) })) };
}

export async function broadcastPresence(io: Server, invoiceId: string): Promise<void> {
  try {
    const presence = await presenceOf(io, invoiceId);
    io.to(rooms.invoice(invoiceId)).emit("presence", customerPresence(presence));
    io.to(rooms.invoiceStaff(invoiceId)).emit("presence", presence);
  } catch (error) {
    log.warn("presence not updated", { error: (error as Error).message });
  }
}

const organizationCache = new BoundedMap<
  string,
  { at: number; hours: unknown; responseHours: number }
>(10_000);

/** Support is online inside the organisation's hours while at least one agent is connected. */
export async function supportStatusOf(
  io: Server,
  db: Db,
  organizationId: string,
  now = new Date(),
): Promise<SupportStatus> {
  let organization = organizationCache.get(organizationId);
  if (!organization || now.getTime() - organization.at > 30_000) {
    const row = await db.organization.findUnique({
      where: { id: organizationId },
      select: { supportHours: true, supportResponseHours: true },
    });
    organization = {
      at: now.getTime(),
      hours: row?.supportHours ?? null,
      responseHours: row?.supportResponseHours ?? 24,
    };
    organizationCache.set(organizationId, organization);
  }
  const withinHours = isWithinSupportHours(organization.hours, now);
  let agentConnected = false;
  if (withinHours) {
    const staff = await io.in(rooms.organization(organizationId)).fetchSockets();
    agentConnected = staff.some((socket) => {
      const identity = socket.data.identity as SocketIdentity | undefined;
      return identity?.kind === "staff" && ANSWERING_ROLES.has(identity.role);
    });
  }
  return {
    online: withinHours && agentConnected,
    withinHours,
    responseHours: organization.responseHours,
  };
}

export async function broadcastSupportStatus(
  io: Server,
  db: Db,
  organizationId: string,
): Promise<void> {
  try {
    const status = await supportStatusOf(io, db, organizationId);
    io.to(rooms.organizationCustomers(organizationId)).emit("support", status);
  } catch (error) {
    log.warn("support status not updated", { error: (error as Error).message });
  }
}
