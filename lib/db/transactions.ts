/**
 * Interactive transactions that may wait their turn: PGlite runs one transaction at a time, so a
 * writer may queue behind many others (and on PostgreSQL, behind the invoice row lock).
 */
export const QUEUED_TRANSACTION = { maxWait: 30_000, timeout: 30_000 } as const;
