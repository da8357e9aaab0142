import { describe, expect, it } from "vitest";
import {
  signInLocale,
  signInMessages,
  signInRefusalCode,
  signInRefusalText,
} from "@/lib/i18n/staff/sign-in";

describe("the sign-in page's language", () => {
  it("follows the browser's preference between Swedish and English", () => {
    expect(signInLocale("sv-SE,sv;q=0.9,en-US;q=0.8,en;q=0.7")).toBe("sv");
    expect(signInLocale("en-US,en;q=0.9,sv;q=0.8")).toBe("en");
    expect(signInLocale("de-DE,de;q=0.9,sv;q=0.5,en;q=0.4")).toBe("sv");
    expect(signInLocale("fi-FI, sv-FI;q=0.8")).toBe("sv");
    expect(signInLocale("en;q=0.3, SV;q=0.6")).toBe("sv");
  });

  it("gives a tie to the language listed first", () => {
    expect(signInLocale("sv, en")).toBe("sv");
    expect(signInLocale("en, sv")).toBe("en");
  });

  it("speaks English when the header names neither, is missing or is malformed", () => {
    expect(signInLocale(null)).toBe("en");
    expect(signInLocale(undefined)).toBe("en");
    expect(signInLocale("")).toBe("en");
    expect(signInLocale("de-DE,fr;q=0.5")).toBe("en");
    expect(signInLocale("sv;q=0")).toBe("en");
    expect(signInLocale("sv;q=abc, en;q=0.1")).toBe("en");
    expect(signInLocale("sv;q=7")).toBe("en");
  });

  it("has every word in both languages", () => {
    expect(Object.keys(signInMessages.en).sort()).toEqual(Object.keys(signInMessages.sv).sort());
    for (const locale of ["sv", "en"] as const) {
      for (const text of Object.values(signInMessages[locale])) {
        expect((typeof text === "function" ? text(2) : text).trim()).not.toBe("");
      }
    }
  });
});

describe("the sign-in form's refusals", () => {
  const { sv, en } = signInMessages;

  it("says the server's codes in the page's language", () => {
    expect(signInRefusalText(signInRefusalCode({ kind: "wrong" }), sv)).toBe(
      "Fel e-post eller lösenord",
    );
    expect(signInRefusalText("CredentialsSignin", en)).toBe("Wrong email or password");
    expect(signInRefusalText(signInRefusalCode({ kind: "rate-limited", minutes: 12 }), sv)).toBe(
      "För många misslyckade inloggningar. Försök igen om 12 minuter.",
    );
    expect(signInRefusalText("RATE_LIMITED:1", en)).toBe(
      "Too many failed sign-ins. Try again in 1 minute.",
    );
    expect(signInRefusalText(signInRefusalCode({ kind: "unavailable" }), en)).toBe(en.unavailable);
  });

  it("never shows text it does not know: anything else is 'try again later'", () => {
    for (const code of ["", "Error: connect ECONNREFUSED", "<b>x</b>", "RATE_LIMITED:abc"]) {
      expect(signInRefusalText(code, sv)).toBe(sv.unavailable);
    }
  });
});
