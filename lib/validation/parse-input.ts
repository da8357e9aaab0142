import type { z } from "zod";
import { AppError } from "@/lib/errors/app-error";

/**
 * Parses untrusted input with its schema; a failure becomes one BAD_INPUT AppError whose message
 * names each bad field, and whose details carry the issues for forms to show beside the fields.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join("."),
    message: issue.message,
  }));
  const summary = issues
    .slice(0, 5)
    .map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message))
    .join("; ");
  throw new AppError("BAD_INPUT", `Invalid input — ${summary}`, { issues });
}
