import { expect, test } from "@playwright/test";
import { demoLinks } from "./demo-data";

const statusText = {
  open: /Obetald|Unpaid|Delbetald|Partly paid/,
  overdue: /Förfallen|Overdue/,
  paid: /Betald|Paid/,
};

test("every demo invoice link opens its invoice with number, OCR and totals", async ({ page }) => {
  const links = demoLinks();
  expect(links.length).toBe(6);
  for (const link of links) {
    const response = await page.goto(`/i/${link.token}`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()["x-robots-tag"]).toContain("noindex");
    expect(response?.headers()["referrer-policy"]).toBe("no-referrer");
    expect(response?.headers()["cache-control"]).toContain("no-store");
    await expect(page.getByText(link.organization).first()).toBeVisible();
    await expect(page.getByTestId("invoice-status")).toHaveText(statusText[link.kind]);
    await expect(page.getByTestId("invoice-number")).toHaveText(/^\d+$/);
    await expect(page.getByTestId("ocr")).toHaveText(/^\d{3,25}$/);
    await expect(page.getByTestId("invoice-total")).toHaveText(/\d/);
    await expect(page.getByText("Godkänd för F-skatt")).toBeVisible();
    if (link.kind === "paid")
      await expect(page.getByTestId("amount-to-pay")).toHaveText(/^0,00\skr|^SEK\s0\.00/);
  }
});

test("a wrong, malformed or truncated link shows the same not-found page", async ({ page }) => {
  const real = demoLinks()[0]!.token;
  const candidates = [
    "A".repeat(43),
    "not-a-token",
    real.slice(0, -1),
    `${real.slice(0, -1)}${real.endsWith("A") ? "B" : "A"}`,
    "%00%27%22<script>",
  ];
  for (const token of candidates) {
    const response = await page.goto(`/i/${token}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByTestId("invoice-number")).toHaveCount(0);
  }
});
