import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ExpiredLink } from "@/components/invoice/expired-link";

const TOKEN = "A".repeat(43);
const render = (locale: "sv" | "en", sent = false) =>
  renderToStaticMarkup(createElement(ExpiredLink, { token: TOKEN, locale, sent }));
const text = (html: string) => html.replace(/<[^>]+>/g, " ");

describe("the expired-link page", () => {
  it("says the link expired and offers a fresh one by mail, in Swedish and English", () => {
    const sv = render("sv");
    expect(sv).toContain('lang="sv"');
    expect(text(sv)).toContain("Länken har gått ut");
    expect(text(sv)).toContain("e-postadress");
    const en = render("en");
    expect(en).toContain('lang="en"');
    expect(text(en)).toContain("This link has expired");
    expect(text(en)).toContain("email address");
    for (const html of [sv, en]) {
      expect(html).toContain(`action="/i/${TOKEN}/new-link"`);
      expect(html).toContain('method="post"');
    }
    // Either language is one link away, without script and without a lookup.
    expect(sv).toContain(`href="/i/${TOKEN}/language/en"`);
    expect(en).toContain(`href="/i/${TOKEN}/language/sv"`);
    expect(text(render("sv", true))).toContain("en ny länk på väg");
    expect(text(render("en", true))).toContain("new link is on its way");
  });

  it("reveals nothing about the invoice: not whether it is paid or credited", () => {
    // Reproduction: the page said "This invoice is paid or credited" to anyone holding the link,
    // also when the link had expired by its own date.
    for (const locale of ["sv", "en"] as const) {
      for (const sent of [false, true]) {
        const words = text(render(locale, sent)).toLowerCase();
        for (const revealing of ["betald", "krediter", "paid", "credit", "faktura", "invoice"]) {
          expect(words).not.toContain(revealing);
        }
      }
    }
  });
});
