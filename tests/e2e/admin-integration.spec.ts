import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { expect, test } from "./fixtures";
import { signedInStaff } from "./staff-session";

/**
 * The admin's side of the integration API: an API key is shown once (then only its prefix), works
 * against API v1 and stops working when revoked; a webhook endpoint's signing secret is shown once
 * and is the one its deliveries are signed with (checked with the `standardwebhooks` package, an
 * independent implementation), the delivery log shows each try and resends one, an endpoint that
 * answers 410 Gone is disabled and enabled again, and an endpoint is deleted.
 *
 * The receiver runs in this test on 127.0.0.1, which the e2e server may reach because
 * playwright.config.ts starts it with WEBHOOK_ALLOW_PRIVATE_NETWORKS=true.
 */

interface Received {
  headers: Record<string, string>;
  body: string;
}

/** A webhook receiver on loopback that records every POST and answers `status()`. */
async function startReceiver(status: () => number) {
  const received: Received[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.headers)) {
        if (typeof value === "string") headers[name] = value;
      }
      if (request.method === "POST") {
        received.push({ headers, body: Buffer.concat(chunks).toString("utf8") });
      }
      const answer = status();
      response.writeHead(answer, { "content-type": "text/plain" });
      response.end(answer === 410 ? "gone" : "ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/nota`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Reloads the page until `check` passes (the server's job delivers in the background). */
async function eventually(page: Page, check: () => Promise<void>) {
  await expect(async () => {
    await page.reload();
    await check();
  }).toPass({ timeout: 30_000, intervals: [500, 1000, 2000] });
}

test("an admin creates an API key, sees it once, and revokes it", async ({
  browser,
  baseURL,
  fixtures,
  playwright,
}) => {
  const org = await fixtures.organization("energy");
  const page = await signedInStaff(browser, baseURL!, org.staff.admin.email);
  await page
    .getByRole("navigation", { name: "Admin" })
    .getByRole("link", { name: "API keys" })
    .click();
  await expect(page).toHaveURL(/\/admin\/api-keys$/);
  await expect(page.getByRole("heading", { level: 1, name: "API keys" })).toBeVisible();

  const name = "Billing system <test>";
  const form = page.getByTestId("api-key-form");
  await form.getByLabel("Name", { exact: true }).fill(name);
  await form.getByRole("radio", { name: /^Test/ }).check();
  await form.getByRole("checkbox", { name: "invoices:read", exact: true }).check();
  await form.getByRole("checkbox", { name: "customers:write", exact: true }).check();
  // Each scope is explained beside its box.
  await expect(
    form.getByRole("checkbox", { name: "invoices:read", exact: true }),
  ).toHaveAccessibleDescription(/Read invoices/);
  await form.getByRole("button", { name: "Create key" }).click();

  // Shown once, with the warning and a copy button.
  const notice = page.getByTestId("new-api-key");
  await expect(notice).toContainText("you will not see it again");
  await expect(notice.getByRole("button", { name: "Copy the API key" })).toBeVisible();
  const key = await notice.getByLabel("API key", { exact: true }).inputValue();
  expect(key).toMatch(/^nota_test_[A-Za-z0-9_-]{43}$/);
  const prefix = key.slice(0, "nota_test_".length + 6);

  // The list (read again from the server) knows the key by its prefix only; the name is text.
  const row = page.getByTestId("api-key-row").filter({ hasText: name });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(prefix);
  await expect(row).not.toContainText(key);
  await expect(row.getByRole("cell").first()).toHaveText("test");
  await expect(row).toContainText("invoices:read");
  await expect(row).toContainText("customers:write");
  await expect(row).not.toContainText("payments:write");
  await expect(row).toContainText("never");
  await expect(row).toContainText("Active");

  await notice.getByRole("button", { name: "I have copied it" }).click();
  await expect(notice).toHaveCount(0);
  expect(await page.content()).not.toContain(key);
  await page.reload();
  await expect(page.getByTestId("new-api-key")).toHaveCount(0);
  expect(await page.content()).not.toContain(key);
  await expect(row).toContainText(prefix);

  // The key is real: API v1 answers it, and the list then says it was used.
  const integrator = await playwright.request.newContext({ baseURL });
  const authorization = { authorization: `Bearer ${key}` };
  expect((await integrator.get("/api/v1/customers", { headers: authorization })).status()).toBe(
    200,
  );
  await page.reload();
  await expect(row).not.toContainText("never");

  // Revoking asks first; cancelling changes nothing.
  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  const confirmation = row.getByRole("group");
  await expect(confirmation).toContainText(`Revoke the key “${name}” (${prefix}…)?`);
  await confirmation.getByRole("button", { name: "Cancel" }).click();
  await expect(row).toContainText("Active");
  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  await row.getByRole("button", { name: "Revoke key" }).click();
  await expect(row).toContainText("Revoked");
  await expect(row.getByRole("button")).toHaveCount(0);
  expect((await integrator.get("/api/v1/customers", { headers: authorization })).status()).toBe(
    401,
  );
  await page.reload();
  await expect(row).toContainText("Revoked");
  await integrator.dispose();
});

test("an admin adds a webhook endpoint, sees its secret once, and follows its deliveries", async ({
  browser,
  baseURL,
  fixtures,
}) => {
  test.setTimeout(120_000);
  let answer = 200;
  const receiver = await startReceiver(() => answer);
  try {
    const org = await fixtures.organization("broadband");
    const page = await signedInStaff(browser, baseURL!, org.staff.admin.email);
    await page
      .getByRole("navigation", { name: "Admin" })
      .getByRole("link", { name: "Webhooks" })
      .click();
    await expect(page).toHaveURL(/\/admin\/webhooks$/);
    await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();

    const description = "ERP <b>staging</b>";
    const form = page.getByTestId("webhook-endpoint-form");
    await form.getByLabel("URL", { exact: true }).fill(receiver.url);
    await form.getByRole("checkbox", { name: "invoice.issued", exact: true }).check();
    await form.getByRole("checkbox", { name: "invoice.paid", exact: true }).check();
    await expect(
      form.getByRole("checkbox", { name: "invoice.paid", exact: true }),
    ).toHaveAccessibleDescription(/paid in full/);
    await form.getByLabel("Description (optional)").fill(description);
    await form.getByRole("button", { name: "Add endpoint" }).click();

    // The signing secret, once.
    const notice = page.getByTestId("new-webhook-secret");
    await expect(notice).toContainText("you will not see it again");
    await expect(notice.getByRole("button", { name: "Copy the signing secret" })).toBeVisible();
    const secret = await notice.getByLabel("Signing secret", { exact: true }).inputValue();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);

    const row = page.getByTestId("webhook-endpoint-row").filter({ hasText: receiver.url });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("invoice.issued");
    await expect(row).toContainText("invoice.paid");
    await expect(row).not.toContainText("invoice.overdue");
    await expect(row).toContainText(description);
    await expect(row).toContainText("Enabled");
    await expect(row).not.toContainText(secret);
    const endpointId = (await row.getAttribute("data-endpoint-id"))!;

    await notice.getByRole("button", { name: "I have copied it" }).click();
    await expect(notice).toHaveCount(0);
    await page.reload();
    expect(await page.content()).not.toContain(secret);

    // A test event reaches the receiver, signed with the secret that was shown.
    await row.getByRole("button", { name: /^Send test event/ }).click();
    await expect(row.getByRole("status")).toContainText("Test event queued");
    await expect.poll(() => receiver.received.length, { timeout: 30_000 }).toBe(1);
    const first = receiver.received[0]!;
    const payload = new Webhook(secret).verify(first.body, first.headers) as {
      type: string;
      data: { endpointId: string };
    };
    expect(payload.type).toBe("webhook.test");
    expect(payload.data.endpointId).toBe(endpointId);
    const eventId = first.headers["webhook-id"]!;

    // The delivery log shows it delivered; a resend sends the same event (same webhook-id) again.
    await row.getByRole("link", { name: /^Delivery log/ }).click();
    await expect(page).toHaveURL(new RegExp(`/admin/webhooks/${endpointId}$`));
    await expect(page.getByTestId("webhook-endpoint-url")).toHaveText(receiver.url);
    const delivery = page.getByTestId("webhook-delivery-row").first();
    await eventually(page, async () => {
      await expect(delivery).toHaveAttribute("data-status", "SUCCEEDED", { timeout: 1000 });
    });
    await expect(page.getByTestId("webhook-delivery-row")).toHaveCount(1);
    await expect(delivery).toContainText("webhook.test");
    await expect(delivery).toContainText(eventId);
    await expect(delivery).toContainText("Delivered");
    await expect(delivery).toContainText("200");
    await delivery.getByRole("button", { name: /^Resend/ }).click();
    await expect.poll(() => receiver.received.length, { timeout: 30_000 }).toBe(2);
    expect(receiver.received[1]!.headers["webhook-id"]).toBe(eventId);
    new Webhook(secret).verify(receiver.received[1]!.body, receiver.received[1]!.headers);
    await eventually(page, async () => {
      await expect(delivery).toHaveAttribute("data-status", "SUCCEEDED", { timeout: 1000 });
      await expect(delivery.locator("td").nth(1)).toHaveText("2", { timeout: 1000 });
    });

    // An endpoint that answers 410 Gone is disabled, says why, and can be enabled again.
    answer = 410;
    await page.getByRole("button", { name: /^Send test event/ }).click();
    await expect.poll(() => receiver.received.length, { timeout: 30_000 }).toBe(3);
    await eventually(page, async () => {
      await expect(page.getByTestId("webhook-endpoint-status")).toContainText("Disabled", {
        timeout: 1000,
      });
    });
    await expect(page.getByTestId("webhook-endpoint-status")).toContainText("410 Gone");
    await expect(page.getByTestId("webhook-delivery-row")).toHaveCount(2);
    const gone = page.getByTestId("webhook-delivery-row").first();
    await expect(gone).toHaveAttribute("data-status", "FAILED");
    await expect(gone).toContainText("410");
    await expect(page.getByRole("button", { name: /^Send test event/ })).toHaveCount(0);
    answer = 200;
    await page.getByRole("button", { name: /^Enable/ }).click();
    await expect(page.getByTestId("webhook-endpoint-status")).toHaveText("Enabled");
    await expect(page.getByRole("button", { name: /^Send test event/ })).toBeVisible();

    // Deleting asks first, then the endpoint and its log are gone.
    await page.getByRole("link", { name: "Webhooks", exact: true }).click();
    await expect(page).toHaveURL(/\/admin\/webhooks$/);
    await row.getByRole("button", { name: `Delete ${receiver.url}` }).click();
    await expect(row.getByRole("group")).toContainText("and its delivery log?");
    await row.getByRole("button", { name: "Delete endpoint" }).click();
    await expect(row).toHaveCount(0);
    await page.goto(`/admin/webhooks/${endpointId}`);
    await expect(page.getByTestId("webhook-endpoint-url")).toHaveCount(0);
  } finally {
    await receiver.close();
  }
});
