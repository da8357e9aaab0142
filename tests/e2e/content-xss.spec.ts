import { findRejectedLinks, MAX_RICH_TEXT_LENGTH } from "@/lib/content/blocks/rich-text";
import {
  expectedVisibleText,
  normalizeVisibleText,
  XSS_PAYLOADS,
  type XssPayload,
} from "../helpers/xss-payloads";
import { expect, test } from "./fixtures";
import { signedInStaff } from "./staff-session";

// The shared list signals execution with alert() (a dialog); these say it without one, through a
// marker any script would set, including on hover, which no dialog listener would notice.
const MARKER_PAYLOADS: XssPayload[] = [
  { name: "img onerror marker", source: `<img src=x onerror="window.__xss=1">` },
  { name: "svg onload marker", source: "<svg onload=window.__xss=1>" },
  {
    name: "anchor onmouseover marker",
    source: `<a href="https://ok.example" onmouseover="window.__xss=1">hover</a>`,
  },
  {
    name: "quote breakout marker in a link",
    source: `[hover me](https://ok.example/"onmouseover="window.__xss=1)`,
    visible: "hover me",
  },
  {
    name: "img marker inside bold",
    source: "**<img src=x onerror=window.__xss=1>**",
    visible: "<img src=x onerror=window.__xss=1>",
  },
  { name: "javascript link marker", source: "[click me](javascript:window.__xss=1)" },
];
const PAYLOADS = [...XSS_PAYLOADS, ...MARKER_PAYLOADS];
// Links the editor refuses never reach a page; everything else must be harmless there.
const ACCEPTED = PAYLOADS.filter((payload) => findRejectedLinks(payload.source).length === 0);
// The title is plain text (at most 120 characters): a few of the plain-HTML payloads.
const TITLE = [
  "<script>alert(1)</script>",
  `<img src=x onerror="window.__xss=1">`,
  "<svg onload=window.__xss=1>",
].join(" ");
const ALLOWED_TAGS = [
  "SECTION",
  "H2",
  "DIV",
  "P",
  "H3",
  "UL",
  "OL",
  "LI",
  "STRONG",
  "EM",
  "BR",
  "A",
];

const block = (name: string, payloads: readonly XssPayload[]) => {
  const texts = { title: TITLE, body: payloads.map((payload) => payload.source).join("\n\n") };
  return {
    name,
    kind: "INFORMATION",
    slot: "AFTER_SUMMARY",
    priority: 1000,
    targeting: { all: [] },
    variants: [{ key: "A", weight: 100, content: { sv: texts, en: texts } }],
  };
};

test("a marketer's block full of script-injection payloads is refused where it links to script, and harmless text on the customer's page otherwise", async ({
  browser,
  baseURL,
  fixtures,
}) => {
  test.setTimeout(90_000);
  const org = await fixtures.organization("energy");
  const invoice = await fixtures.customer(org, { latest: "open" });
  const marketer = await signedInStaff(browser, baseURL!, org.staff.marketing.email);
  const origin = { origin: baseURL! };
  const run = Date.now().toString(36);
  let blockId: string | null = null;
  try {
    // Every payload at once: refused, naming the first link that would not be a link.
    const everything = block(`XSS, alla ${run}`, PAYLOADS);
    const refused = await marketer.request.post("/api/marketing/blocks", {
      headers: origin,
      data: everything,
    });
    expect(refused.status()).toBe(400);
    const [firstRefused] = findRejectedLinks(everything.variants[0]!.content.sv.body);
    const shown = firstRefused!.length > 40 ? `${firstRefused!.slice(0, 40)}…` : firstRefused!;
    const problem = (await refused.json()) as {
      detail: string;
      param: string;
      details: { issues: Array<{ path: string; message: string }> };
    };
    expect(problem.detail).toContain(
      `links must start with https://, http:// or mailto: (not "${shown}")`,
    );
    expect(problem.details.issues.map((issue) => issue.path)).toContain(
      "variants.0.content.sv.body",
    );
    expect(problem.param).toMatch(/^\/variants\/0\/content\/(sv|en)\/body$/);
    await marketer.goto("/marketing");
    await expect(marketer.getByText(everything.name)).toHaveCount(0);

    // Everything the editor accepts, published to every customer of the company, on top.
    const accepted = block(`XSS, godkända ${run}`, ACCEPTED);
    expect(accepted.variants[0]!.content.sv.body.length).toBeLessThanOrEqual(MAX_RICH_TEXT_LENGTH);
    const created = await marketer.request.post("/api/marketing/blocks", {
      headers: origin,
      data: accepted,
    });
    expect(created.status()).toBe(201);
    blockId = (await created.json()).id as string;
    const published = await marketer.request.post(`/api/marketing/blocks/${blockId}/status`, {
      headers: origin,
      data: { status: "PUBLISHED" },
    });
    expect(published.status()).toBe(200);

    // A customer opens their invoice; nothing may run, open a dialog or fail on the page.
    const customer = await browser.newContext({ baseURL });
    await customer.addCookies([{ name: "nota-lang", value: "sv", url: `${baseURL}/i/` }]);
    // Links leave for other sites in new tabs; those never load here.
    await customer.route(
      (url) => url.origin !== new URL(baseURL!).origin,
      (route) => route.abort(),
    );
    const dialogs: string[] = [];
    customer.on("dialog", async (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      await dialog.dismiss();
    });
    const page = await customer.newPage();
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console: ${message.text()}`);
    });
    await page.goto(`/i/${invoice.token}`);
    const shownBlock = page.locator(`[data-testid="content-block"][data-block-id="${blockId}"]`);
    await expect(shownBlock).toBeVisible();
    await shownBlock.scrollIntoViewIfNeeded();
    await page.waitForTimeout(3_000);
    const marker = () => page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);
    expect(await marker()).toBeUndefined();

    // The block sits in the page's flow: the legal details stay visible and nothing lies on them.
    const legal = page.locator('section[aria-labelledby="legal-heading"]');
    await legal.scrollIntoViewIfNeeded();
    await expect(legal).toBeVisible();
    expect(
      await legal.evaluate((section) => {
        const box = section.getBoundingClientRect();
        const topmost = document.elementFromPoint(box.left + box.width / 2, box.top + 10);
        return topmost !== null && section.contains(topmost);
      }),
    ).toBe(true);
    expect(
      await shownBlock.evaluate((element) =>
        [element, ...element.querySelectorAll("*")].some((node) => {
          const position = getComputedStyle(node).position;
          return position === "fixed" || position === "absolute" || position === "sticky";
        }),
      ),
    ).toBe(false);

    // Hovering and clicking every link in the block runs nothing either.
    const links = shownBlock.locator("a");
    for (let index = 0; index < (await links.count()); index += 1) {
      await links.nth(index).hover();
      await links.nth(index).click();
    }
    await shownBlock.hover();
    await page.waitForTimeout(1_000);
    for (const opened of customer.pages()) if (opened !== page) await opened.close();
    expect(await marker()).toBeUndefined();
    expect(dialogs).toEqual([]);

    // No markup of the marketer's own: our tags only, no handlers, links of safe schemes only.
    const markup = await shownBlock.evaluate((section) => {
      const elements = [section, ...section.querySelectorAll("*")];
      return {
        tags: [...new Set(elements.map((element) => element.tagName))],
        handlers: elements.flatMap((element) =>
          element.getAttributeNames().filter((attribute) => /^on/i.test(attribute)),
        ),
        hrefs: [...section.querySelectorAll("a[href]")].map((a) => a.getAttribute("href")!),
      };
    });
    expect(await shownBlock.locator("script").count()).toBe(0);
    expect(markup.tags.filter((tag) => !ALLOWED_TAGS.includes(tag))).toEqual([]);
    expect(markup.handlers).toEqual([]);
    expect(markup.hrefs.length).toBeGreaterThan(0);
    for (const href of markup.hrefs) expect(href).toMatch(/^(https:|http:|mailto:)/);

    // Each payload is shown as the text it is.
    await expect(shownBlock.getByRole("heading", { level: 2 })).toHaveText(TITLE);
    // biome-ignore lint/performance/useDomNodeTextContent: what a reader sees, paragraphs apart
    const text = normalizeVisibleText(await shownBlock.innerText());
    for (const payload of ACCEPTED)
      expect(text, payload.name).toContain(expectedVisibleText(payload));
    expect(problems).toEqual([]);
    await customer.close();
  } finally {
    // Withdrawn, so the company's other invoice pages are as the seed left them.
    if (blockId)
      await marketer.request.post(`/api/marketing/blocks/${blockId}/status`, {
        headers: origin,
        data: { status: "DRAFT" },
      });
    await marketer.context().close();
  }
});
