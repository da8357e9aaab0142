import type { FormIssue } from "./form-issues";

export type SendResult<T> =
  | { ok: true; body: T }
  | { ok: false; message: string; issues: FormIssue[] };

/** A JSON request to our API; the server's error (message and per-field issues) comes back as data. */
export async function sendJson<T>(
  url: string,
  method: string,
  body: unknown,
): Promise<SendResult<T>> {
  try {
    const response = await fetch(url, {
      method,
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const answer = (await response.json().catch(() => null)) as
      | (T & { error?: { message?: string; details?: { issues?: FormIssue[] } | null } })
      | null;
    if (response.ok && answer) return { ok: true, body: answer };
    return {
      ok: false,
      message: answer?.error?.message ?? "Not saved",
      issues: answer?.error?.details?.issues ?? [],
    };
  } catch {
    return { ok: false, message: "Could not reach the server", issues: [] };
  }
}
