import { z } from "zod";
import { API_OPERATIONS, type ApiOperation } from "@/lib/api/operations";
import { problemSchema } from "@/lib/api/response-schemas";
import { API_SCOPE_DESCRIPTIONS } from "@/lib/api/scopes";
import { APP_ERROR_STATUS, APP_ERROR_TITLE, type AppErrorCode } from "@/lib/errors/app-error";
import { WEBHOOK_EVENT_DESCRIPTIONS } from "@/lib/webhooks/event-types";

/**
 * The OpenAPI 3.1 document of API v1, generated from the very zod schemas the routes parse with
 * (requests) and the tests check answers against (responses), so it cannot drift from them.
 */
type JsonSchema = Record<string, unknown>;

function collect(
  schema: z.ZodType,
  io: "input" | "output",
  components: Record<string, JsonSchema>,
) {
  const generated = z.toJSONSchema(schema, {
    io,
    unrepresentable: "any",
    target: "draft-2020-12",
  }) as JsonSchema;
  const {
    $schema: _,
    $defs,
    ...rest
  } = generated as JsonSchema & { $defs?: Record<string, JsonSchema> };
  for (const [name, definition] of Object.entries($defs ?? {})) {
    components[name] = rewriteRefs(definition) as JsonSchema;
  }
  return rewriteRefs(rest) as JsonSchema;
}

function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [
        key,
        key === "$ref" && typeof inner === "string"
          ? inner.replace(/^#\/\$defs\//, "#/components/schemas/")
          : rewriteRefs(inner),
      ]),
    );
  }
  return value;
}

function refOrInline(
  schema: z.ZodType,
  io: "input" | "output",
  components: Record<string, JsonSchema>,
) {
  const id = (schema.meta() as { id?: string } | undefined)?.id;
  const generated = collect(schema, io, components);
  if (!id) return generated;
  components[id] = generated;
  return { $ref: `#/components/schemas/${id}` };
}

const PROBLEM_REF = { $ref: "#/components/schemas/Problem" };

function problemResponses(operation: ApiOperation) {
  const codes: Array<[number, string]> = [
    [400, "Invalid input: `param` points at the bad field (JSON pointer)"],
    [401, "No valid API key"],
    [403, `The key lacks the scope ${operation.scope}`],
    [404, "Not found (another organisation's ids are not found either)"],
    [429, "Rate limited: see Retry-After"],
  ];
  if (operation.method === "POST") {
    codes.push(
      [409, "Conflict, or an Idempotency-Key whose first request is still running"],
      [422, "An Idempotency-Key used for a different request"],
    );
  }
  if (operation.body || operation.bodyTypes) {
    codes.push([413, "The body is over the limit"], [415, "Not a type this operation reads"]);
  }
  return Object.fromEntries(
    codes.map(([status, description]) => [
      String(status),
      { description, content: { "application/problem+json": { schema: PROBLEM_REF } } },
    ]),
  );
}

export function buildOpenApiDocument(appUrl: string) {
  const components: Record<string, JsonSchema> = {};
  components.Problem = collect(problemSchema, "output", components);
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [operationId, operation] of Object.entries(API_OPERATIONS) as Array<
    [string, ApiOperation]
  >) {
    const pathParams = [...operation.path.matchAll(/\{(\w+)\}/g)].map((match) => ({
      name: match[1],
      in: "path",
      required: true,
      schema: { type: "string", format: "uuid" },
    }));
    const queryParams = operation.query
      ? Object.entries(
          (
            collect(operation.query, "input", components) as {
              properties?: Record<string, JsonSchema>;
            }
          ).properties ?? {},
        ).map(([name, schema]) => ({ name, in: "query", required: false, schema }))
      : [];
    const headerParams =
      operation.method === "POST"
        ? [
            {
              name: "Idempotency-Key",
              in: "header",
              required: false,
              description:
                "Makes the POST safe to retry: the first answer is kept 24 h and given again for the same key and body",
              schema: { type: "string", maxLength: 255 },
            },
          ]
        : [];
    const otherTypes = Object.fromEntries(
      (operation.bodyTypes ?? []).map((type) => [
        type,
        {
          schema:
            type === "application/x-ndjson"
              ? { type: "string", description: "One JSON object per line" }
              : { type: "string", format: "binary", description: "The file as the bank wrote it" },
        },
      ]),
    );
    const body =
      operation.body || operation.bodyTypes
        ? {
            required: operation.method !== "POST" || !/issue|test/.test(operationId),
            content: {
              ...(operation.body
                ? {
                    "application/json": {
                      schema: refOrInline(operation.body, "input", components),
                    },
                  }
                : {}),
              ...otherTypes,
            },
          }
        : undefined;
    const responses: Record<string, unknown> = {};
    for (const answer of operation.responses) {
      responses[String(answer.status)] = {
        description: answer.description,
        ...(answer.schema
          ? {
              content: {
                "application/json": { schema: refOrInline(answer.schema, "output", components) },
              },
            }
          : {}),
      };
    }
    Object.assign(responses, problemResponses(operation));
    paths[operation.path] ??= {};
    paths[operation.path]![operation.method.toLowerCase()] = {
      operationId,
      summary: operation.summary,
      ...(operation.description ? { description: operation.description } : {}),
      tags: [operation.tag],
      "x-scope": operation.scope,
      security: [{ apiKey: [] }],
      parameters: [...pathParams, ...queryParams, ...headerParams],
      ...(body ? { requestBody: body } : {}),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Nota API",
      version: "1",
      description:
        "The billing system's way in and out: customers, plans, contracts, usage and invoices in; signed webhooks (Standard Webhooks 1.0) out. Amounts are integer öre; quantities and unit prices decimal strings; dates YYYY-MM-DD. Errors are RFC 9457 problem details.",
    },
    servers: [{ url: appUrl }],
    security: [{ apiKey: [] }],
    components: {
      securitySchemes: {
        apiKey: {
          type: "http",
          scheme: "bearer",
          description: `An API key made by an administrator: nota_live_… or nota_test_…. Scopes: ${Object.entries(
            API_SCOPE_DESCRIPTIONS,
          )
            .map(([scope, text]) => `${scope} (${text})`)
            .join("; ")}`,
        },
      },
      schemas: components,
    },
    paths,
    "x-webhook-events": WEBHOOK_EVENT_DESCRIPTIONS,
    "x-problem-codes": Object.fromEntries(
      (Object.keys(APP_ERROR_STATUS) as AppErrorCode[]).map((code) => [
        code,
        { status: APP_ERROR_STATUS[code], title: APP_ERROR_TITLE[code] },
      ]),
    ),
  };
}
