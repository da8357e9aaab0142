import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";

export interface InputIssue {
  /** Dotted path for forms ("lines.0.unitPriceCentiOre"); "" for the input as a whole. */
  path: string;
  /** The same place as a JSON pointer (RFC 6901), for API clients ("/lines/0/unitPriceCentiOre"). */
  pointer: string;
  message: string;
}

export function jsonPointer(path: ReadonlyArray<PropertyKey>): string {
  return path.map((part) => `/${String(part).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}

/** A zod failure in our words: one BAD_INPUT error naming each bad field, issues in details. */
export function badInputFromZod(error: z.ZodError, what = "input"): AppError {
  const issues: InputIssue[] = error.issues.map((issue) => ({
    path: issue.path.map(String).join("."),
    pointer: jsonPointer(issue.path),
    message: issue.message,
  }));
  const summary = issues
    .slice(0, 5)
    .map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message))
    .join("; ");
  return new AppError("BAD_INPUT", `Invalid ${what} — ${summary}`, { issues });
}

/**
 * Parses untrusted input with its schema, at the boundary (route, socket handler, job); a failure
 * becomes one BAD_INPUT AppError whose message names each bad field and whose details carry the
 * issues for forms to show beside the fields (and API clients to find by pointer).
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  what?: string,
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw badInputFromZod(result.error, what);
}

const uuidSchema = z.uuid();

/**
 * An id from a URL path: a malformed one names nothing, so it is the same NOT_FOUND as an id that
 * does not exist (or belongs to someone else).
 */
export function parseRouteId(value: string, what: string): string {
  const parsed = uuidSchema.safeParse(value);
  if (!parsed.success) throw new AppError("NOT_FOUND", `No such ${what}`);
  return parsed.data;
}

/** Whether a page's URL segment can be an id at all (the page answers notFound() when not). */
export function isRouteId(value: string): boolean {
  return uuidSchema.safeParse(value).success;
}
