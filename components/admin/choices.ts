/** One choice of a checkbox list (a scope, an event type) with what it means. */
export interface ChoiceOption {
  value: string;
  description: string;
}

/** A choice's value as part of an element id ("invoice.paid" → "invoice-paid"). */
export function slug(value: string): string {
  return value.replace(/[^A-Za-z0-9_-]/g, "-");
}
