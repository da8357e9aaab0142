import { createServer, type Server } from "node:http";
import type { Db } from "@/lib/db/database";
import {
  createBankFileFixture,
  createBlockFixture,
  createCollectionPolicyFixture,
  createCustomerFixture,
  createDraftFixture,
  createOrganizationFixture,
  createQuestionFixture,
  createWebhookEndpointFixture,
  runCollectionsFixture,
} from "./e2e-fixtures";

/**
 * The end-to-end tests' way to make their own data: a small HTTP server in the e2e server's own
 * process (the embedded database serves one process), on loopback and on its own port, started
 * only by scripts/e2e-server.ts. It is not part of the Next app, so no production build has it.
 */
const ROUTES: Record<string, (db: Db, body: unknown) => Promise<unknown>> = {
  "/organizations": createOrganizationFixture,
  "/customers": (db, body) => createCustomerFixture(db, body),
  "/questions": createQuestionFixture,
  "/blocks": createBlockFixture,
  "/drafts": createDraftFixture,
  "/webhook-endpoints": createWebhookEndpointFixture,
  "/bank-files": createBankFileFixture,
  "/collection-policies": createCollectionPolicyFixture,
  "/collection-runs": runCollectionsFixture,
};

export function startFixtureServer(options: {
  db: () => Promise<Db>;
  port: number;
}): Promise<Server> {
  const server = createServer((request, response) => {
    const answer = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    };
    const route = ROUTES[request.url ?? ""];
    if (request.method !== "POST" || !route) return answer(404, { error: "no such fixture" });
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", async () => {
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
        answer(201, await route(await options.db(), body));
      } catch (error) {
        answer(400, { error: (error as Error).message });
      }
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", () => resolve(server));
  });
}
