import type { ChatAuthorType, ChatMessageKind } from "@/lib/db/generated/client";

/** A chat message as clients receive it. Staff ids and notes are never shaped for a customer. */
export interface ChatMessageView {
  id: string;
  seq: number;
  kind: ChatMessageKind;
  authorType: ChatAuthorType;
  /** The agent's display name (first name) for staff messages; null otherwise. */
  authorName: string | null;
  body: string;
  clientMessageId: string | null;
  createdAt: string;
}

export const chatMessageSelect = {
  id: true,
  seq: true,
  kind: true,
  authorType: true,
  body: true,
  clientMessageId: true,
  createdAt: true,
  authorStaff: { select: { name: true } },
} as const;

export function toChatMessageView(message: {
  id: string;
  seq: number;
  kind: ChatMessageKind;
  authorType: ChatAuthorType;
  body: string;
  clientMessageId: string | null;
  createdAt: Date;
  authorStaff: { name: string } | null;
}): ChatMessageView {
  return {
    id: message.id,
    seq: message.seq,
    kind: message.kind,
    authorType: message.authorType,
    authorName: message.authorStaff ? displayName(message.authorStaff.name) : null,
    body: message.body,
    clientMessageId: message.clientMessageId,
    createdAt: message.createdAt.toISOString(),
  };
}

/** Customers see an agent by first name only ("Sara from support"). */
export function displayName(fullName: string): string {
  return fullName.trim().split(/\s+/)[0] || fullName;
}
