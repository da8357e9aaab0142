import type { BlockKind, Slot } from "./block-draft";

/** Words for kinds and placements, shared by server pages and the client editor. */
export const KIND_LABELS: Record<BlockKind, string> = {
  OFFER: "Offer",
  INFORMATION: "Information",
  CAMPAIGN_ENDING: "Campaign ending",
  LOYALTY: "Loyalty",
  APOLOGY: "Apology",
  SURVEY: "Survey",
  NOTICE: "Notice",
};

export const SLOT_LABELS: Record<Slot, string> = {
  AFTER_SUMMARY: "After the summary (top)",
  OFFERS: "Offers (after usage and value)",
  BEFORE_CHAT: "Before the chat (bottom)",
};
