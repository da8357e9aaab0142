/**
 * What changed, as a realtime cue says it ({ invoiceId, version, kind }): the open pages re-read
 * and name the change to screen readers. Apart from the socket code, so domain modules can name
 * a cue without importing the socket server.
 */
export type InvoiceCueKind =
  | "payment"
  | "refund"
  | "credit"
  | "edit"
  | "respite"
  | "fee"
  | "content"
  | "link"
  /** A collection step was taken, a plan agreed or ended, a dispute opened or closed. */
  | "collection";
