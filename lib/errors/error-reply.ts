import { ZodError } from "zod";
import { isDatabaseBusy, isUniqueViolation } from "@/lib/db/db-errors";
import {
  APP_ERROR_STATUS,
  APP_ERROR_TITLE,
  AppError,
  type AppErrorCode,
  isAppError,
} from "@/lib/errors/app-error";
import { createLogger, type LogFields } from "@/lib/log";
import { badInputFromZod, type InputIssue } from "@/lib/validation/parse-input";

/**
 * The reply to any thrown value, the same for HTTP routes, socket.io acknowledgements, jobs and
 * the Stripe webhook: an RFC 9457 problem. Expected AppErrors keep their code, message and details
 * (nested under `details`, never spread); a busy or unreachable database is UNAVAILABLE (503)
 * everywhere; a unique key lost to a concurrent writer is CONFLICT; anything else is logged with
 * its context and answered with a generic INTERNAL message, never a stack trace.
 */
export interface Problem {
  /** Where the kind of problem is described (relative to the site). */
  type: string;
  title: string;
  status: number;
  /** What went wrong this time, in plain words. */
  detail: string;
  code: AppErrorCode;
  /** The bad field of a BAD_INPUT, as a JSON pointer into the request ("/lines/0/vatRate"). */
  param?: string;
  details?: Record<string, unknown>;
}

const log = createLogger("errors");

export function problemType(code: AppErrorCode): string {
  return `/api/docs#problem-${code.toLowerCase().replace(/_/g, "-")}`;
}

function fromAppError(error: AppError): Problem {
  const issues = error.details?.issues as InputIssue[] | undefined;
  // The bad field: the first input issue's pointer, or a pointer the domain named itself.
  const named = typeof error.details?.param === "string" ? error.details.param : undefined;
  const param = Array.isArray(issues)
    ? (issues.find((issue) => issue.pointer)?.pointer ?? named)
    : named;
  return {
    type: problemType(error.code),
    title: APP_ERROR_TITLE[error.code],
    status: APP_ERROR_STATUS[error.code],
    detail: error.message,
    code: error.code,
    ...(param ? { param } : {}),
    ...(error.details ? { details: error.details } : {}),
  };
}

/** Turns anything thrown into the problem to answer with; logs what nobody expected. */
export function errorReply(error: unknown, context: LogFields = {}): Problem {
  if (isAppError(error)) {
    if (error.status >= 500) log.error(error.message, { ...context, code: error.code });
    return fromAppError(error);
  }
  if (error instanceof ZodError) return fromAppError(badInputFromZod(error));
  if (isDatabaseBusy(error)) {
    log.warn("database busy", { ...context, error });
    return fromAppError(
      new AppError("UNAVAILABLE", "We are busy right now; please try again in a moment.", {
        retryAfterSeconds: 2,
      }),
    );
  }
  if (isUniqueViolation(error)) {
    log.warn("unique key lost to a concurrent write", { ...context, error });
    return fromAppError(
      new AppError("CONFLICT", "Someone changed this at the same moment; please try again."),
    );
  }
  log.error("unexpected error", { ...context, error });
  return fromAppError(
    new AppError("INTERNAL", "Something went wrong on our side. Please try again."),
  );
}
