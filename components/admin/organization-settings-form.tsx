"use client";

import { useState } from "react";
import { type ClientProblem, requestJson } from "@/components/ui/problem";
import type { Locale } from "@/lib/db/generated/client";
import { type AdminMessages, adminMessages } from "@/lib/i18n/staff/admin";
import { formatMoneyPlain, parseMoney } from "@/lib/money/money";

export interface OrganizationSettingsView {
  name: string;
  orgNumber: string;
  vatNumber: string;
  hasFSkatt: boolean;
  addressLine1: string;
  addressLine2: string | null;
  postalCode: string;
  city: string;
  bankgiro: string | null;
  plusgiro: string | null;
  swishNumber: string | null;
  supportEmail: string | null;
  supportPhone: string | null;
  paymentTermsDays: number;
  roundToWholeKrona: boolean;
  reminderAfterDays: number;
  reminderFeeOre: number;
  allowPartialPayment: boolean;
  minimumPartialPaymentOre: number;
  refundPolicy: "REFUND" | "KEEP_CREDIT";
  chargeLatePaymentCompensation: boolean;
  linkExpiryDaysAfterSettled: number | null;
}

/** The settings typed as text (an input's value is a string). */
type TextKey = {
  [K in keyof OrganizationSettingsView]: OrganizationSettingsView[K] extends string | null
    ? K
    : never;
}[keyof OrganizationSettingsView];

/** The text fields in order, with a hint of the expected form where one helps. */
type FieldKey = Extract<TextKey, keyof AdminMessages["organization"]["fields"]>;

const TEXT_FIELDS: Array<{ key: FieldKey; hint?: "orgNumber" | "vatNumber" | "swishNumber" }> = [
  { key: "name" },
  { key: "orgNumber", hint: "orgNumber" },
  { key: "vatNumber", hint: "vatNumber" },
  { key: "addressLine1" },
  { key: "addressLine2" },
  { key: "postalCode" },
  { key: "city" },
  { key: "bankgiro" },
  { key: "plusgiro" },
  { key: "swishNumber", hint: "swishNumber" },
  { key: "supportEmail" },
  { key: "supportPhone" },
];

/** The admin's form; the server checks everything again with the same schema. */
export function OrganizationSettingsForm({
  initial,
  locale,
}: {
  initial: OrganizationSettingsView;
  locale: Locale;
}) {
  const t = adminMessages[locale].organization;
  const hints = { orgNumber: "NNNNNN-NNNN", vatNumber: t.vatHint, swishNumber: "123 …" };
  const [values, setValues] = useState(initial);
  const [fee, setFee] = useState(formatMoneyPlain(initial.reminderFeeOre, "sv"));
  const [minimum, setMinimum] = useState(formatMoneyPlain(initial.minimumPartialPaymentOre, "sv"));
  const [state, setState] = useState<
    { kind: "idle" | "busy" | "saved" } | { kind: "error"; problem: ClientProblem }
  >({ kind: "idle" });
  const set = <K extends keyof OrganizationSettingsView>(
    key: K,
    value: OrganizationSettingsView[K],
  ) => setValues((current) => ({ ...current, [key]: value }));
  const setText = (key: TextKey, value: string) =>
    setValues((current) => ({ ...current, [key]: value }));
  const fieldError = (key: string) =>
    state.kind === "error"
      ? state.problem.issues.find((issue) => issue.path === key)?.message
      : undefined;

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    let reminderFeeOre: number;
    let minimumPartialPaymentOre: number;
    try {
      reminderFeeOre = parseMoney(fee, { locale: "sv" });
      minimumPartialPaymentOre = parseMoney(minimum, { locale: "sv" });
    } catch (error) {
      setState({
        kind: "error",
        problem: {
          code: "BAD_INPUT",
          message: (error as Error).message,
          status: 400,
          details: {},
          issues: [],
        },
      });
      return;
    }
    setState({ kind: "busy" });
    const result = await requestJson<{ settings: OrganizationSettingsView }>(
      "/api/admin/organization",
      { method: "PUT", body: { ...values, reminderFeeOre, minimumPartialPaymentOre } },
    );
    if (!result.ok) {
      setState({ kind: "error", problem: result.problem });
      return;
    }
    setValues(result.body.settings);
    setState({ kind: "saved" });
  };

  return (
    <form onSubmit={save} className="mt-4 grid max-w-2xl gap-3" data-testid="organization-form">
      {TEXT_FIELDS.map(({ key, hint }) => {
        const error = fieldError(key);
        const label = t.fields[key];
        return (
          <label key={key} className="grid gap-1 text-sm">
            <span className="font-medium">
              {label}
              {hint ? <span className="ml-2 font-normal text-slate-600">{hints[hint]}</span> : null}
            </span>
            <input
              name={key}
              value={values[key] ?? ""}
              onChange={(e) => setText(key, e.target.value)}
              aria-invalid={error ? true : undefined}
              className="rounded border border-slate-400 px-2 py-1"
            />
            {error ? (
              <span className="text-red-800" role="alert">
                {error}
              </span>
            ) : null}
          </label>
        );
      })}
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={values.hasFSkatt}
          onChange={(e) => set("hasFSkatt", e.target.checked)}
        />
        {t.fSkatt}
      </label>
      <label className="grid gap-1 text-sm">
        <span className="font-medium">{t.paymentTerms}</span>
        <input
          type="number"
          min={0}
          max={90}
          value={values.paymentTermsDays}
          onChange={(e) => set("paymentTermsDays", Number(e.target.value))}
          className="w-24 rounded border border-slate-400 px-2 py-1"
        />
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={values.roundToWholeKrona}
          onChange={(e) => set("roundToWholeKrona", e.target.checked)}
        />
        {t.rounding}
      </label>
      <label className="grid gap-1 text-sm">
        <span className="font-medium">{t.reminderFee}</span>
        <input
          name="reminderFee"
          value={fee}
          inputMode="decimal"
          onChange={(e) => setFee(e.target.value)}
          className="w-24 rounded border border-slate-400 px-2 py-1"
        />
        {fieldError("reminderFeeOre") ? (
          <span className="text-red-800" role="alert">
            {fieldError("reminderFeeOre")}
          </span>
        ) : null}
      </label>
      <label className="grid gap-1 text-sm">
        <span className="font-medium">{t.reminderAfter}</span>
        <input
          type="number"
          min={1}
          max={60}
          value={values.reminderAfterDays}
          onChange={(e) => set("reminderAfterDays", Number(e.target.value))}
          className="w-24 rounded border border-slate-400 px-2 py-1"
        />
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={values.allowPartialPayment}
          onChange={(e) => set("allowPartialPayment", e.target.checked)}
        />
        {t.partial}
        <input
          aria-label={t.partialMinimum}
          value={minimum}
          inputMode="decimal"
          onChange={(e) => setMinimum(e.target.value)}
          className="w-24 rounded border border-slate-400 px-2 py-1"
        />
        {t.kr}
      </label>
      <label className="grid gap-1 text-sm">
        <span className="font-medium">{t.refundPolicy}</span>
        <select
          value={values.refundPolicy}
          onChange={(e) => set("refundPolicy", e.target.value as "REFUND" | "KEEP_CREDIT")}
          className="w-72 rounded border border-slate-400 px-2 py-1"
        >
          <option value="REFUND">{t.refund}</option>
          <option value="KEEP_CREDIT">{t.keepCredit}</option>
        </select>
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={values.chargeLatePaymentCompensation}
          onChange={(e) => set("chargeLatePaymentCompensation", e.target.checked)}
        />
        {t.compensation}
      </label>
      <label className="grid gap-1 text-sm">
        <span className="font-medium">{t.linkExpiry}</span>
        <input
          type="number"
          min={1}
          max={3650}
          value={values.linkExpiryDaysAfterSettled ?? ""}
          onChange={(e) =>
            set("linkExpiryDaysAfterSettled", e.target.value === "" ? null : Number(e.target.value))
          }
          className="w-24 rounded border border-slate-400 px-2 py-1"
        />
      </label>
      <div className="flex items-center gap-3">
        <button
          type="submit"
          disabled={state.kind === "busy"}
          className="rounded bg-slate-900 px-4 py-2 text-sm font-semibold text-white disabled:opacity-50"
        >
          {t.save}
        </button>
        <p role="status" className="text-sm">
          {state.kind === "saved" ? t.saved : state.kind === "error" ? state.problem.message : ""}
        </p>
      </div>
    </form>
  );
}
