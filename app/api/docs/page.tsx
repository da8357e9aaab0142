import type { Metadata } from "next";
import { SchemaFields } from "@/components/api-docs/schema-fields";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { getEnv } from "@/lib/env";

export const metadata: Metadata = { title: "API reference" };
export const dynamic = "force-dynamic";

type Operation = {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  "x-scope": string;
  parameters: Array<{ name: string; in: string; required: boolean; schema: object }>;
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: object }> }>;
};

const anchor = (code: string) => `problem-${code.toLowerCase().replace(/_/g, "-")}`;

/**
 * API v1's reference, rendered on the server from the OpenAPI document (works offline, no
 * script needed). Problem types link here by anchor (#problem-bad-input …).
 */
export default function ApiDocsPage() {
  const appUrl = getEnv().appUrl;
  const doc = buildOpenApiDocument(appUrl);
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods as Record<string, Operation>).map(([method, op]) => ({
      path,
      method,
      op,
    })),
  );
  const tags = [...new Set(operations.map((o) => o.op.tags[0]!))];
  const schemas = doc.components.schemas as Record<string, Record<string, unknown>>;
  return (
    <main className="mx-auto max-w-4xl bg-white p-6 leading-relaxed">
      <h1 className="text-3xl font-bold">Nota API v1</h1>
      <p className="mt-2">{doc.info.description}</p>
      <p className="mt-2">
        The machine-readable document:{" "}
        <a className="text-blue-800 underline" href="/api/v1/openapi.json">
          /api/v1/openapi.json
        </a>{" "}
        (OpenAPI 3.1).
      </p>

      <h2 className="mt-6 text-2xl font-bold">First steps</h2>
      <ol className="mt-2 list-decimal pl-6">
        <li>
          An administrator makes a key at <code>/admin/api-keys</code> (shown once) and sends it as{" "}
          <code>Authorization: Bearer nota_test_…</code>.
        </li>
        <li>
          Every POST may carry an <code>Idempotency-Key</code>: the same key and body get the first
          answer again for 24 hours (a retry never creates twice); the same key with another body is
          422; while the first is running, 409.
        </li>
        <li>
          Unknown fields are refused, so a misspelt field never silently drops data. Errors are
          problem details with <code>code</code> and <code>param</code> (a JSON pointer to the bad
          field).
        </li>
        <li>
          Another organisation's ids are 404; a missing scope 403; too many requests 429 with{" "}
          <code>Retry-After</code>.
        </li>
      </ol>
      <pre className="mt-3 overflow-x-auto rounded bg-slate-900 p-3 text-sm text-white">{`curl -X POST ${appUrl}/api/v1/customers \\
  -H "Authorization: Bearer $NOTA_KEY" -H "Idempotency-Key: c-1" \\
  -H "Content-Type: application/json" \\
  -d '{"externalId":"C-1","name":"Łukasz Wiśniewski","email":"lukasz@example.se","locale":"sv",
       "address":{"line1":"Śląska gatan 3","postalCode":"41301","city":"Göteborg"}}'

curl -X POST ${appUrl}/api/v1/invoices \\
  -H "Authorization: Bearer $NOTA_KEY" -H "Idempotency-Key: i-1" \\
  -H "Content-Type: application/json" \\
  -d '{"customer":{"externalId":"C-1"},"externalId":"INV-1","periodStart":"2026-11-01",
       "periodEnd":"2026-11-30","dueDate":"2026-12-31","issue":true,"delivery":"none",
       "lines":[{"description":"Elförbrukning","quantity":"412.5","unit":"kWh","unitPriceOre":"118.25","vatRate":25},
                {"description":"Energiskatt","quantity":"412.5","unit":"kWh","unitPriceOre":"43.9","vatRate":25}]}'`}</pre>

      <nav aria-label="Contents" className="mt-6">
        <h2 className="text-2xl font-bold">Operations</h2>
        <ul className="mt-2 list-disc pl-6">
          {tags.map((tag) => (
            <li key={tag}>
              <a
                className="text-blue-800 underline"
                href={`#${tag.replace(/\W+/g, "-").toLowerCase()}`}
              >
                {tag}
              </a>
            </li>
          ))}
          <li>
            <a className="text-blue-800 underline" href="#webhooks-out">
              Webhooks out
            </a>
          </li>
          <li>
            <a className="text-blue-800 underline" href="#problems">
              Problems
            </a>
          </li>
        </ul>
      </nav>

      {tags.map((tag) => (
        <section key={tag} aria-labelledby={tag.replace(/\W+/g, "-").toLowerCase()}>
          <h2 id={tag.replace(/\W+/g, "-").toLowerCase()} className="mt-8 text-2xl font-bold">
            {tag}
          </h2>
          {operations
            .filter((o) => o.op.tags[0] === tag)
            .map(({ path, method, op }) => {
              const body = op.requestBody?.content["application/json"]?.schema;
              return (
                <article
                  key={op.operationId}
                  id={op.operationId}
                  className="mt-5 border-t border-slate-200 pt-3"
                >
                  <h3 className="font-mono text-lg">
                    <span className="font-bold uppercase">{method}</span> {path}
                  </h3>
                  <p>
                    {op.summary}. Scope: <code>{op["x-scope"]}</code>.
                  </p>
                  {op.description ? <p className="mt-1 text-slate-700">{op.description}</p> : null}
                  {op.parameters.filter((p) => p.in === "query").length ? (
                    <p className="mt-1 text-sm">
                      Query:{" "}
                      {op.parameters
                        .filter((p) => p.in === "query")
                        .map((p) => p.name)
                        .join(", ")}
                    </p>
                  ) : null}
                  {body ? <SchemaFields schema={body} caption={`${op.operationId} body`} /> : null}
                  <p className="mt-1 text-sm">
                    Answers:{" "}
                    {Object.entries(op.responses)
                      .map(([status, r]) => `${status} ${r.description}`)
                      .join(" · ")}
                  </p>
                </article>
              );
            })}
        </section>
      ))}

      <section aria-labelledby="webhooks-out">
        <h2 id="webhooks-out" className="mt-8 text-2xl font-bold">
          Webhooks out
        </h2>
        <p className="mt-2">
          Register an endpoint (console or <code>POST /api/v1/webhook-endpoints</code>) with the
          event types it wants; its secret <code>whsec_…</code> is shown once. Each delivery is
          signed per Standard Webhooks 1.0: headers <code>webhook-id</code> (deduplicate on it),{" "}
          <code>webhook-timestamp</code> and{" "}
          <code>webhook-signature: v1,&lt;base64 HMAC-SHA256 of "id.timestamp.body"&gt;</code> with
          the key after <code>whsec_</code>. Retries: at once, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h,
          14 h, 20 h, 24 h; 15 s to answer; 410 Gone disables the endpoint; 429 waits its
          Retry-After. An event may arrive twice, never not at all.
        </p>
        <table className="mt-2 w-full border-collapse text-left text-sm">
          <caption className="sr-only">Event types</caption>
          <tbody>
            {Object.entries(doc["x-webhook-events"]).map(([type, text]) => (
              <tr key={type} className="border-b border-slate-200">
                <td className="p-1 font-mono">{type}</td>
                <td className="p-1">{text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="problems">
        <h2 id="problems" className="mt-8 text-2xl font-bold">
          Problems
        </h2>
        <dl className="mt-2">
          {Object.entries(doc["x-problem-codes"]).map(([code, { status, title }]) => (
            <div key={code} id={anchor(code)} className="mt-1">
              <dt className="inline font-mono">{code}</dt>{" "}
              <dd className="inline">
                — {status}, {title}
              </dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="schemas">
        <h2 id="schemas" className="mt-8 text-2xl font-bold">
          Answers
        </h2>
        {Object.entries(schemas)
          .filter(([name]) => !name.endsWith("List"))
          .map(([name, schema]) => (
            <article key={name} id={`schema-${name}`} className="mt-4">
              <h3 className="text-lg font-bold">{name}</h3>
              <SchemaFields schema={schema} caption={name} />
            </article>
          ))}
      </section>
    </main>
  );
}
