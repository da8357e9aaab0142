import type { ActorType } from "@/lib/db/generated/client";

/** Who asked for a change: recorded on the timeline event the change writes. */
export type Actor =
  | { type: "SYSTEM" }
  | { type: "API"; label?: string }
  | { type: "CUSTOMER" }
  | { type: "STAFF"; staffId: string; organizationId: string };

export function actorFields(actor: Actor): { actorType: ActorType; actorStaffId: string | null } {
  return { actorType: actor.type, actorStaffId: actor.type === "STAFF" ? actor.staffId : null };
}
