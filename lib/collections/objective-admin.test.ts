import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_OBJECTIVE } from "@/lib/collections/learner";
import {
  loadCollectionObjective,
  saveCollectionObjective,
} from "@/lib/collections/objective-admin";
import type { Db } from "@/lib/db/database";
import { createOrganization, expectAppError } from "@/tests/helpers/fixtures";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

/** The organisation's objective for the collection learner: finance's (or an admin's) to set. */
let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.prisma;
});
afterAll(async () => {
  await database?.close();
});

const staffOf = (organizationId: string, role: "ADMIN" | "FINANCE" | "AGENT" | "MARKETER") => ({
  id: "00000000-0000-4000-8000-00000000a001",
  organizationId,
  role,
});

describe("the learner's objective", () => {
  it("is the default until set, then what finance or an administrator set, per organisation", async () => {
    const organization = await createOrganization(db);
    const other = await createOrganization(db);
    expect(await loadCollectionObjective(db, organization.id)).toEqual(DEFAULT_OBJECTIVE);
    const saved = await saveCollectionObjective({
      db,
      staff: staffOf(organization.id, "FINANCE"),
      input: { paidWithinDays: 7, churnPenalty: 2.5, supportPenalty: 0 },
    });
    expect(saved).toEqual({ paidWithinDays: 7, churnPenalty: 2.5, supportPenalty: 0 });
    expect(await loadCollectionObjective(db, organization.id)).toEqual(saved);
    await saveCollectionObjective({
      db,
      staff: staffOf(organization.id, "ADMIN"),
      input: { paidWithinDays: 3, churnPenalty: 10, supportPenalty: 0.25 },
    });
    expect(await loadCollectionObjective(db, organization.id)).toEqual({
      paidWithinDays: 3,
      churnPenalty: 10,
      supportPenalty: 0.25,
    });
    expect(await loadCollectionObjective(db, other.id)).toEqual(DEFAULT_OBJECTIVE);
  });

  it("is not support's or marketing's to set", async () => {
    const organization = await createOrganization(db);
    for (const role of ["AGENT", "MARKETER"] as const) {
      await expectAppError(
        saveCollectionObjective({
          db,
          staff: staffOf(organization.id, role),
          input: { paidWithinDays: 7, churnPenalty: 1, supportPenalty: 0 },
        }),
        "FORBIDDEN",
      );
    }
    expect(await loadCollectionObjective(db, organization.id)).toEqual(DEFAULT_OBJECTIVE);
  });

  it("refuses days other than 3, 7 or 14, a penalty outside 0–10, and anything else, by field", async () => {
    const organization = await createOrganization(db);
    const save = (input: unknown) =>
      saveCollectionObjective({ db, staff: staffOf(organization.id, "FINANCE"), input });
    const good = { paidWithinDays: 14, churnPenalty: 1, supportPenalty: 0.25 };
    const refusals: Array<[unknown, string, string]> = [
      [{ ...good, paidWithinDays: 5 }, "paidWithinDays", "paidWithinDays is 3, 7 or 14"],
      [{ ...good, paidWithinDays: "7" }, "paidWithinDays", "paidWithinDays is 3, 7 or 14"],
      [{ ...good, churnPenalty: 10.5 }, "churnPenalty", "churnPenalty is a number from 0 to 10"],
      [{ ...good, churnPenalty: -1 }, "churnPenalty", "churnPenalty is a number from 0 to 10"],
      [
        { ...good, supportPenalty: null },
        "supportPenalty",
        "supportPenalty is a number from 0 to 10",
      ],
      [
        { ...good, supportPenalty: "0,5" },
        "supportPenalty",
        "supportPenalty is a number from 0 to 10",
      ],
    ];
    for (const [input, path, message] of refusals) {
      const error = await expectAppError(save(input), "BAD_INPUT");
      expect(error.details?.issues).toEqual([expect.objectContaining({ path, message })]);
    }
    const extra = await expectAppError(save({ ...good, reward: 1 }), "BAD_INPUT");
    expect(extra.details?.issues).toEqual([expect.objectContaining({ path: "" })]);
    const missing = await expectAppError(save({ paidWithinDays: 7 }), "BAD_INPUT");
    expect(
      ((missing.details?.issues ?? []) as Array<{ path: string }>)
        .map((issue) => issue.path)
        .sort(),
    ).toEqual(["churnPenalty", "supportPenalty"]);
    expect(await loadCollectionObjective(db, organization.id)).toEqual(DEFAULT_OBJECTIVE);
  });
});
