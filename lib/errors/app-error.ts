/**
 * The one error type of the domain. Expected failures carry a code from the table below; the
 * code decides the HTTP status and the words the user sees. Anything that is not an AppError is
 * unexpected: it is logged with context and the user gets a generic message.
 */
export const APP_ERROR_STATUS = {
  BAD_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  STALE_VERSION: 409,
  RATE_LIMITED: 429,
  CONFIGURATION: 500,
  MIGRATION: 500,
  UNAVAILABLE: 503,
} as const;

export type AppErrorCode = keyof typeof APP_ERROR_STATUS;

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
