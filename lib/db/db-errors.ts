/**
 * What a database failure means, whichever way it reaches us: a Prisma error (model queries carry
 * P-codes, raw queries P2010), the driver adapter's cause inside it, or a plain pg/PGlite error
 * (SQLSTATE in `code`). The one place that recognises these, so no module keeps its own regex.
 */
interface DriverCause {
  originalCode?: string;
  kind?: string;
}

function codesOf(error: unknown): {
  prisma?: string;
  sqlState?: string;
  kind?: string;
  node?: string;
} {
  if (typeof error !== "object" || error === null) return {};
  const value = error as {
    code?: unknown;
    meta?: { code?: unknown; driverAdapterError?: { cause?: DriverCause } };
    cause?: unknown;
  };
  const code = typeof value.code === "string" ? value.code : undefined;
  const cause = value.meta?.driverAdapterError?.cause;
  const isPrisma = code !== undefined && /^P\d{4}$/.test(code);
  const isSqlState = code !== undefined && /^[0-9A-Z]{5}$/.test(code) && !isPrisma;
  return {
    prisma: isPrisma ? code : undefined,
    sqlState:
      cause?.originalCode ??
      (typeof value.meta?.code === "string" ? value.meta.code : undefined) ??
      (isSqlState ? code : undefined),
    kind: cause?.kind,
    node: code?.startsWith("E") && !isSqlState ? code : undefined,
  };
}

/** A unique constraint refused the write (two writers raced, or the row is already there). */
export function isUniqueViolation(error: unknown): boolean {
  const { prisma, sqlState, kind } = codesOf(error);
  return prisma === "P2002" || sqlState === "23505" || kind === "UniqueConstraintViolation";
}

/** A foreign key refused the write (a row still referenced, e.g. by one written meanwhile). */
export function isForeignKeyViolation(error: unknown): boolean {
  const { prisma, sqlState, kind } = codesOf(error);
  return prisma === "P2003" || sqlState === "23503" || kind === "ForeignKeyConstraintViolation";
}

// Overload and outages, not faults: the caller may try again in a moment (answered 503).
const BUSY_PRISMA = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028", "P2034"]);
const BUSY_SQLSTATE = new Set(["40001", "40P01", "53300", "55P03", "57014", "57P01", "57P03"]);
const BUSY_KINDS = new Set([
  "TooManyConnections",
  "SocketTimeout",
  "ConnectionClosed",
  "DatabaseNotReachable",
  "TransactionWriteConflict",
]);
const BUSY_NODE = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE"]);

/**
 * The database could not take the work in time or at all: transaction queue or pool timeouts, a
 * statement timeout, lock or serialisation conflicts, too many connections, a lost connection.
 */
export function isDatabaseBusy(error: unknown): boolean {
  const { prisma, sqlState, kind, node } = codesOf(error);
  if (prisma && BUSY_PRISMA.has(prisma)) return true;
  if (sqlState && (BUSY_SQLSTATE.has(sqlState) || sqlState.startsWith("08"))) return true;
  if (kind && BUSY_KINDS.has(kind)) return true;
  if (node && BUSY_NODE.has(node)) return true;
  return /Connection terminated|timeout exceeded when trying to connect/i.test(
    (error as Error)?.message ?? "",
  );
}
