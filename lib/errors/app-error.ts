/**
 * The one error type of the domain. Expected failures carry a code from the table below; the
 * code decides the HTTP status and the words the user sees. Anything that is not an AppError is
 * unexpected: it is logged with context and the user gets a generic message (see error-reply.ts).
 */
export const APP_ERROR_STATUS = {
  BAD_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  STALE_VERSION: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  /** A socket event nobody handles. */
  UNKNOWN_EVENT: 400,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  CONFIGURATION: 500,
  MIGRATION: 500,
  UNAVAILABLE: 503,
} as const;

export type AppErrorCode = keyof typeof APP_ERROR_STATUS;

/** The short, fixed summary of each kind of problem (RFC 9457 `title`). */
export const APP_ERROR_TITLE: Record<AppErrorCode, string> = {
  BAD_INPUT: "Invalid input",
  UNAUTHENTICATED: "Sign-in required",
  FORBIDDEN: "Not allowed",
  NOT_FOUND: "Not found",
  CONFLICT: "Conflict",
  STALE_VERSION: "Changed by someone else",
  PAYLOAD_TOO_LARGE: "Request too large",
  UNSUPPORTED_MEDIA_TYPE: "Unsupported content type",
  UNPROCESSABLE: "Request cannot be processed",
  UNKNOWN_EVENT: "Unknown event",
  RATE_LIMITED: "Too many requests",
  INTERNAL: "Internal error",
  CONFIGURATION: "Configuration error",
  MIGRATION: "Database migration error",
  UNAVAILABLE: "Temporarily unavailable",
};

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** Structured detail for the caller (e.g. which field was wrong); never secrets. */
  readonly details?: Record<string, unknown>;

  constructor(code: AppErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return APP_ERROR_STATUS[this.code];
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
