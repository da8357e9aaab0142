import { API_OPERATIONS } from "@/lib/api/operations";
import { callRoute, type RouteModule } from "@/tests/helpers/route-harness";

/**
 * Calls API v1 the way an integrator does — a path, a Bearer key, a JSON (or raw) body — through
 * the real route handlers (tests/helpers/route-harness.ts): the path is matched against the
 * operations' templates to find the route file and its params.
 */
export interface ApiCall {
  key?: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

function routeFor(method: string, path: string) {
  const bare = path.split("?")[0]!;
  for (const operation of Object.values(API_OPERATIONS)) {
    if (operation.method !== method) continue;
    const names: string[] = [];
    const pattern = new RegExp(
      `^${operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
        names.push(name);
        return "([^/]+)";
      })}$`,
    );
    const match = pattern.exec(bare);
    if (!match) continue;
    const params = Object.fromEntries(
      names.map((name, i) => [name, decodeURIComponent(match[i + 1]!)]),
    );
    const file = `app${operation.path.replace(/\{(\w+)\}/g, "[$1]")}/route`;
    return { file, params };
  }
  throw new Error(`no API operation for ${method} ${path}`);
}

export async function api(
  method: "GET" | "POST" | "PATCH" | "DELETE",
  path: string,
  call: ApiCall = {},
  // biome-ignore lint/suspicious/noExplicitAny: each test reads the answer it expects (and checks it against the operation's schema)
): Promise<{ status: number; headers: Headers; body: any }> {
  const { file, params } = routeFor(method, path);
  const module = (await import(`@/${file}`)) as RouteModule;
  const response = await callRoute(module, {
    method,
    path,
    params,
    body: call.body,
    rawBody: call.rawBody,
    headers: {
      ...(call.key ? { authorization: `Bearer ${call.key}` } : {}),
      ...call.headers,
    },
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? JSON.parse(text) : null,
  };
}
