/**
 * The browser's side of the one error reply: every API answer that is not ok is a problem
 * (`application/problem+json`, see lib/errors/error-reply.ts) and socket acknowledgements carry
 * the same object. Components read it through these helpers, never by hand.
 */
export interface ClientProblem {
  code: string;
  /** What went wrong, in the server's words (the problem's `detail`). */
  message: string;
  status: number;
  /** The bad field, as a JSON pointer, when the input was wrong. */
  param?: string;
  details: Record<string, unknown>;
  /** Per-field issues of a BAD_INPUT, for forms. */
  issues: Array<{ path: string; message: string }>;
}

const UNREACHABLE: ClientProblem = {
  code: "NETWORK",
  message: "Could not reach the server",
  status: 0,
  details: {},
  issues: [],
};

/** A problem object (from a response body or an ack), in the shape components use. */
export function toClientProblem(
  value: unknown,
  status = 0,
  fallback = "Something went wrong",
): ClientProblem {
  const problem = (value && typeof value === "object" ? value : {}) as {
    code?: unknown;
    detail?: unknown;
    status?: unknown;
    param?: unknown;
    details?: unknown;
  };
  const details =
    problem.details && typeof problem.details === "object"
      ? (problem.details as Record<string, unknown>)
      : {};
  const issues = Array.isArray(details.issues)
    ? (details.issues as Array<{ path: string; message: string }>)
    : [];
  return {
    code: typeof problem.code === "string" ? problem.code : "UNKNOWN",
    message: typeof problem.detail === "string" ? problem.detail : fallback,
    status: typeof problem.status === "number" ? problem.status : status,
    param: typeof problem.param === "string" ? problem.param : undefined,
    details,
    issues,
  };
}

/**
 * What the problem says about one field of a form (dotted path, e.g. "scopes" or "lines.0.name"):
 * its issue from a BAD_INPUT, or the whole message when the problem's `param` points at it.
 */
/** A refusal made in the browser before anything is sent, shown beside its field like the server's. */
export function fieldProblem(path: string, message: string): ClientProblem {
  return { code: "BAD_INPUT", message, status: 0, details: {}, issues: [{ path, message }] };
}

export function fieldMessage(problem: ClientProblem | null, path: string): string | undefined {
  if (!problem) return undefined;
  const issue = problem.issues.find(
    (candidate) => candidate.path === path || candidate.path.startsWith(`${path}.`),
  );
  if (issue) return issue.message;
  const pointer = `/${path.split(".").join("/")}`;
  return problem.param === pointer || problem.param?.startsWith(`${pointer}/`)
    ? problem.message
    : undefined;
}

export async function readProblem(response: Response, fallback: string): Promise<ClientProblem> {
  const body = await response.json().catch(() => null);
  return toClientProblem(body, response.status, fallback);
}

export type JsonResult<T> = { ok: true; body: T } | { ok: false; problem: ClientProblem };

/** A JSON request to our own API: the answer, or the problem (never a thrown network error). */
export async function requestJson<T>(
  url: string,
  init: { method?: string; body?: unknown; signal?: AbortSignal } = {},
  fallback = "Not saved",
): Promise<JsonResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method ?? (init.body === undefined ? "GET" : "POST"),
      headers: init.body === undefined ? undefined : { "content-type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: init.signal,
    });
  } catch (error) {
    if (init.signal?.aborted) throw error;
    return { ok: false, problem: UNREACHABLE };
  }
  if (!response.ok) return { ok: false, problem: await readProblem(response, fallback) };
  const body = (await response.json().catch(() => null)) as T | null;
  return body === null
    ? { ok: false, problem: { ...UNREACHABLE, message: fallback, status: response.status } }
    : { ok: true, body };
}

/** A socket acknowledgement: `{ ok: true, …result }` or `{ ok: false, error: problem }`. */
export function ackProblem(reply: { ok: boolean; error?: unknown }): ClientProblem | null {
  return reply.ok ? null : toClientProblem(reply.error);
}
