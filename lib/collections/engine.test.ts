import { describe, expect, it } from "vitest";
import {
  COLLECTION_FEE_ORE,
  type CollectionCase,
  planCollection,
  retimeForPauses,
  stepDueOn,
} from "@/lib/collections/engine";
import { accruedInterest, referenceRateOn } from "@/lib/collections/interest";
import { isBankingDay } from "@/lib/dates/banking-days";
import { formatCalendarDate, parseCalendarDate } from "@/lib/dates/calendar-date";
import { invoice, policy, RATES, STANDARD_STEPS, step } from "@/tests/helpers/collection-cases";

const day = parseCalendarDate;
const iso = (date: Date | null) => (date ? formatCalendarDate(date) : null);

const plan = (collectionCase: CollectionCase, today = "2026-12-01", terms = policy()) =>
  planCollection({ collectionCase, policy: terms, today: day(today), rates: RATES });

describe("planCollection", () => {
  it("plans a courtesy before the due date, then reminders after the last day to pay, on banking days", () => {
    const steps = plan(invoice()).steps;
    expect(steps.map((s) => [s.kind, iso(s.date), s.feeOre, s.feeReason])).toEqual([
      ["COURTESY", "2026-12-07", 0, "courtesy-never-charges"],
      ["REMINDER", "2026-12-17", 6_000, "reminder-fee"],
      // 17 Dec + 14 = 31 Dec (nyårsafton, no banking day): the next one is 4 January 2027.
      ["FINAL_REMINDER", "2027-01-04", 0, "already-charged"],
      ["COLLECTION_HANDOVER", "2027-01-18", COLLECTION_FEE_ORE, "collection-fee"],
    ]);
    for (const planned of steps) expect(isBankingDay(planned.date!)).toBe(true);
    // The inkassokrav gives at least eight days.
    expect(iso(steps[3]!.payBy)).toBe("2027-01-26");
  });

  it("moves a step off Christmas and off midsommar", () => {
    const christmas = plan(
      invoice({ dueDate: day("2026-12-17") }),
      "2026-12-17",
      policy({ steps: [STANDARD_STEPS[1]!] }),
    );
    // 17 + 7 = 24 December (julafton); 25, 26 (holidays), 27 (Sunday): Monday 28 December.
    expect(iso(christmas.steps[0]!.date)).toBe("2026-12-28");
    const midsummer = plan(
      invoice({
        dueDate: day("2027-06-18"),
        entries: [{ on: day("2027-05-20"), kind: "charge", amountOre: 50_000 }],
      }),
      "2027-06-01",
      policy({ steps: [step({ kind: "REMINDER", offsetDays: 7 })] }),
    );
    // 25 June 2027 is midsommarafton, 26 midsommardagen, 27 a Sunday.
    expect(iso(midsummer.steps[0]!.date)).toBe("2027-06-28");
  });

  it("never reminds before the last day to pay has passed, even with a negative offset", () => {
    // Due on Saturday 12 December: it may be paid on Monday 14th, so the reminder is on the 15th.
    const steps = plan(
      invoice({ dueDate: day("2026-12-12") }),
      "2026-12-01",
      policy({ steps: [step({ kind: "REMINDER", offsetDays: -5 })] }),
    ).steps;
    expect(iso(steps[0]!.date)).toBe("2026-12-15");
  });

  it("skips a courtesy whose day has passed, and never sends one after the due date", () => {
    const steps = plan(invoice(), "2026-12-09").steps;
    expect(steps[0]!.kind).toBe("COURTESY");
    expect(iso(steps[0]!.date)).toBe("2026-12-09");
    const late = plan(invoice(), "2026-12-11").steps;
    expect(late.map((s) => s.kind)).toEqual(["REMINDER", "FINAL_REMINDER", "COLLECTION_HANDOVER"]);
  });

  it("charges no reminder fee without an agreement, nor below the threshold", () => {
    const unagreed = invoice();
    unagreed.feeParties = {
      ...unagreed.feeParties,
      customer: { isBusiness: false, reminderFeeAgreedOn: null, reminderFeeAgreementSource: null },
    };
    expect(plan(unagreed).steps[1]).toMatchObject({ feeOre: 0, feeReason: "not-agreed" });
    // A 60 kr fee on a 45 kr claim is refused by default.
    const small = invoice({ amountOre: 4_500 });
    expect(
      plan(small)
        .steps.slice(1, 3)
        .map((s) => [s.feeOre, s.feeReason]),
    ).toEqual([
      [0, "below-threshold"],
      [0, "below-threshold"],
    ]);
  });

  it("charges the fee once per claim, also across a plan already partly performed", () => {
    const performed = invoice({
      amountDueOre: 56_000,
      feeParties: { ...invoice().feeParties, alreadyCharged: true },
      performed: [
        {
          stepId: "step-1",
          kind: "REMINDER",
          performedOn: day("2026-12-17"),
          feeOre: 6_000,
          feeKind: "reminder-fee",
          interestOre: 0,
          interestThrough: null,
        },
      ],
    });
    const steps = plan(performed, "2026-12-18").steps;
    expect(steps.map((s) => [s.kind, s.feeReason])).toEqual([
      ["FINAL_REMINDER", "already-charged"],
      ["COLLECTION_HANDOVER", "collection-fee"],
    ]);
    expect(steps[0]!.amountDueOre).toBe(56_000);
  });

  it("gives a business förseningsersättning instead of a reminder fee, and then no inkassokrav fee", () => {
    const business = invoice();
    business.feeParties = {
      ...business.feeParties,
      organization: { reminderFeeOre: 6_000, chargeLatePaymentCompensation: true },
      customer: { isBusiness: true, reminderFeeAgreedOn: null, reminderFeeAgreementSource: null },
    };
    const steps = plan(business).steps;
    expect(steps.slice(1).map((s) => [s.feeKind, s.feeOre])).toEqual([
      ["late-payment-compensation", 45_000],
      [null, 0],
      [null, 0],
    ]);
    expect(steps[3]!.feeReason).toBe("compensation-instead");
  });

  it("holds every step while a pause is open and re-times them by its length when it ends", () => {
    const open = plan(
      invoice({ pauses: [{ reason: "DISPUTE", startedOn: day("2026-12-14"), endedOn: null }] }),
      "2026-12-15",
    );
    expect(open.state).toBe("paused");
    expect(open.steps).toHaveLength(1);
    expect(open.steps[0]).toMatchObject({
      kind: "REMINDER",
      date: null,
      pausedBy: { reason: "DISPUTE" },
    });
    // Paused 14–21 December (seven days after the due date): the reminder moves 17 → 24 → 28 Dec.
    const ended = plan(
      invoice({
        pauses: [{ reason: "DISPUTE", startedOn: day("2026-12-14"), endedOn: day("2026-12-21") }],
      }),
      "2026-12-15",
    );
    expect(ended.state).toBe("scheduled");
    expect(iso(ended.steps[0]!.date)).toBe("2026-12-28");
  });

  it("ends with the handover, and plans nothing for a paid, credited or handed-over invoice", () => {
    expect(plan(invoice({ amountDueOre: 0 })).state).toBe("nothing-due");
    expect(plan(invoice({ handedOver: true })).state).toBe("handed-over");
  });

  it("charges interest at the steps when the policy does, from the day after the last day to pay", () => {
    const steps = plan(
      invoice(),
      "2026-12-01",
      policy({ chargeInterest: true, interestMinimumOre: 50 }),
    ).steps;
    // 500 kr at 1.75 + 8 = 9.75 %: 11–17 December is 7 days, 500 × 0.0975 × 7 / 365 = 0.93 kr.
    expect(steps[1]).toMatchObject({ interestOre: 93, interestRateBasisPoints: 975 });
    expect(iso(steps[1]!.interestFrom)).toBe("2026-12-11");
    // 18 Dec – 4 Jan: 14 days at 9.75 %, 4 at 9.50 % (the rate of 2027's first half).
    expect(steps[2]!.interestOre).toBe(
      accruedInterest({
        from: day("2026-12-18"),
        through: day("2027-01-04"),
        entries: [{ on: day("2026-11-20"), kind: "charge", amountOre: 50_000 }],
        rates: RATES,
      })!.ore,
    );
    expect(steps[0]!.interestOre).toBe(0);
  });

  it("keeps interest below the minimum accruing for the next step", () => {
    const steps = plan(
      invoice(),
      "2026-12-01",
      policy({ chargeInterest: true, interestMinimumOre: 100 }),
    ).steps;
    expect(steps[1]).toMatchObject({ interestOre: 0, interestReason: "below-minimum" });
    expect(iso(steps[2]!.interestFrom)).toBe("2026-12-11");
  });

  it("performs at most the first step, and only on its day", () => {
    const planned = plan(invoice(), "2026-12-07");
    expect(stepDueOn(planned, day("2026-12-07"))?.kind).toBe("COURTESY");
    const courtesyDone = invoice({
      performed: [
        {
          stepId: "step-0",
          kind: "COURTESY",
          performedOn: day("2026-12-07"),
          feeOre: 0,
          feeKind: null,
          interestOre: 0,
          interestThrough: null,
        },
      ],
    });
    expect(stepDueOn(plan(courtesyDone, "2026-12-08"), day("2026-12-08"))).toBeNull();
    // A run missed (the courtesy's day passed unperformed) catches up the next day, before the
    // due date: nothing is skipped.
    expect(stepDueOn(plan(invoice(), "2026-12-08"), day("2026-12-08"))?.kind).toBe("COURTESY");
  });
});

describe("the reference rate", () => {
  it("is the one set for the day's half-year, never an earlier one", () => {
    expect(referenceRateOn(RATES, day("2026-09-30"))).toBe(175);
    expect(referenceRateOn(RATES, day("2027-06-30"))).toBe(150);
    // No rate kept for 2027's second half: none, not 2027's first.
    expect(referenceRateOn(RATES, day("2027-07-01"))).toBeNull();
  });

  it("charges no interest for a period with a half-year not on record, and says why", () => {
    const steps = planCollection({
      collectionCase: invoice({ dueDate: day("2027-06-28") }),
      policy: policy({ chargeInterest: true, interestMinimumOre: 0 }),
      today: day("2027-06-01"),
      rates: RATES,
    }).steps;
    expect(steps[1]).toMatchObject({
      kind: "REMINDER",
      interestOre: 0,
      interestReason: "rate-unknown",
    });
  });
});

describe("retimeForPauses", () => {
  it("ignores pauses that ended before the reference or begin after the step", () => {
    const pauses = [
      { reason: "DISPUTE" as const, startedOn: day("2026-01-01"), endedOn: day("2026-01-05") },
      { reason: "DISPUTE" as const, startedOn: day("2026-03-01"), endedOn: null },
    ];
    expect(retimeForPauses(day("2026-02-01"), day("2026-02-10"), pauses)).toEqual({
      date: day("2026-02-10"),
    });
  });
});
