import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countAudience, parseAudienceRule } from "@/lib/content/targeting/audience";
import type { Rule } from "@/lib/content/targeting/rule";
import { parseCalendarDate } from "@/lib/dates/calendar-date";
import {
  createCustomer,
  createDraft,
  createIssuedInvoice,
  createOrganization,
  expectAppError,
} from "@/tests/helpers/fixtures";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

const NOW = new Date("2026-03-15T10:00:00Z");
let db: TestDatabase;
let organizationId: string;

/**
 * Seven customers of one organisation with known facts, and one of another organisation:
 * tenure 6, 18, 30, 48 and 120 months; a business; one with no birth year (age band unknown);
 * one with only a draft (no page yet, so not in any audience).
 */
beforeAll(async () => {
  db = await createTestDatabase();
  organizationId = (await createOrganization(db.prisma)).id;
  const other = (await createOrganization(db.prisma)).id;
  const customer = async (
    org: string,
    since: string,
    extra: { birthYear?: number | null; isBusiness?: boolean; segment?: string } = {},
    issued = true,
  ) => {
    const created = await createCustomer(db.prisma, org, {
      customerSince: new Date(`${since}T00:00:00Z`),
      birthYear: 1980,
      ...extra,
    });
    if (issued) {
      await createIssuedInvoice(db.prisma, {
        organizationId: org,
        customerId: created.id,
        issueDate: parseCalendarDate("2026-03-01"),
      });
    } else {
      await createDraft(db.prisma, { organizationId: org, customerId: created.id });
    }
  };
  await customer(organizationId, "2025-09-01"); // 6 months
  await customer(organizationId, "2024-09-01", { segment: "student" }); // 18
  await customer(organizationId, "2023-09-01", { birthYear: null }); // 30, age unknown
  await customer(organizationId, "2022-03-01", { isBusiness: true }); // 48
  await customer(organizationId, "2016-03-01", { birthYear: 1950 }); // 120, 65+
  await customer(organizationId, "2010-01-01", {}, false); // only a draft
  await customer(other, "2010-01-01"); // another organisation's
});
afterAll(async () => db?.close());

const count = (rule: Rule, fresh: { maxEvaluated?: number } = {}) =>
  countAudience(db.prisma, { organizationId, rule, now: NOW, fresh });

describe(`countAudience (${process.env.TEST_DATABASE_URL ? "postgresql" : "pglite"})`, () => {
  it("counts the customers with an invoice whose facts the rule selects", async () => {
    expect(await count({ all: [] })).toEqual({
      matching: 5,
      undecided: 0,
      customers: 5,
      evaluated: 5,
      isEstimate: false,
    });
    expect(await count({ fact: "tenureMonths", op: "gte", value: 24 })).toMatchObject({
      matching: 3,
      customers: 5,
    });
    expect(
      await count({
        all: [
          { fact: "tenureMonths", op: "between", value: [12, 60] },
          { not: { fact: "isBusiness", op: "eq", value: true } },
        ],
      }),
    ).toMatchObject({ matching: 2 });
    expect(await count({ fact: "segment", op: "eq", value: "student" })).toMatchObject({
      matching: 1,
      // The others have no segment: unknown, so, as on their page, not selected.
      undecided: 4,
    });
  });

  it("counts a customer the rule cannot decide for as not selected, as their page does", async () => {
    expect(await count({ fact: "ageBand", op: "in", value: ["30-44", "45-64"] })).toEqual({
      matching: 3,
      undecided: 1,
      customers: 5,
      evaluated: 5,
      isEstimate: false,
    });
    expect(await count({ fact: "ageBand", op: "eq", value: "65+" })).toMatchObject({
      matching: 1,
      undecided: 1,
    });
  });

  it("judges a larger organisation on a fixed sample and says the count is an estimate", async () => {
    const first = await count({ all: [] }, { maxEvaluated: 2 });
    expect(first).toEqual({
      matching: 5,
      undecided: 0,
      customers: 5,
      evaluated: 2,
      isEstimate: true,
    });
    // The same sample every time: the same rule gives the same estimate.
    const rule: Rule = { fact: "tenureMonths", op: "gte", value: 24 };
    expect(await count(rule, { maxEvaluated: 2 })).toEqual(await count(rule, { maxEvaluated: 2 }));
  });

  it("refuses a rule that is not one, naming what is wrong", async () => {
    expect(() => parseAudienceRule({ fact: "shoeSize", op: "eq", value: 42 })).toThrow(
      /cannot be counted/,
    );
    await expectAppError(
      (async () => parseAudienceRule({ all: "everyone" }))(),
      "BAD_INPUT",
      /cannot be counted/,
    );
    expect(parseAudienceRule({ all: [] })).toEqual({ all: [] });
  });
});
