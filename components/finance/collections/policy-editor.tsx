"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { kronor } from "@/components/finance/finance-labels";
import { type FormIssue, FormIssues, issuesByPath } from "@/components/marketing/form-issues";
import { TargetingEditor } from "@/components/marketing/targeting-editor";
import { type ClientProblem, requestJson } from "@/components/ui/problem";
import { defaultTemplate, TEMPLATE_PLACEHOLDERS } from "@/lib/collections/messages";
import {
  COLLECTION_FACT_NAMES,
  EXPERIMENT_MODES,
  MAX_STEPS,
  MAX_VARIANTS,
  PAYMENT_PLAN_FEE_CAP_ORE,
  type PolicyInput,
  STEP_ANCHORS,
  STEP_CHANNELS,
  STEP_KINDS,
  STEP_TONES,
} from "@/lib/collections/policies";
import type { StepPreview } from "@/lib/collections/policy-preview";
import { describeExperiment, describeStep } from "@/lib/collections/policy-words";
import type { FactName } from "@/lib/content/targeting/catalogue";
import type { Locale } from "@/lib/db/generated/client";
import {
  type CollectionsFormMessages,
  collectionsFormMessages,
} from "@/lib/i18n/staff/finance/collections-forms";
import {
  addVariant,
  draftFromInput,
  draftToInput,
  moveStep,
  newPolicyDraft,
  newStepDraft,
  nextVariantKey,
  type PolicyDraft,
  removeVariant,
  type StepDraft,
  setExperimentMode,
  setStepKind,
  TEMPLATE_FIELDS,
  TEMPLATE_LOCALES,
  type VariantDraft,
} from "./policy-draft";

/**
 * The collection policy editor: who it applies to, its limits and its steps with their texts, and
 * a preview of any step for a real invoice as its customer would get it. What is typed is turned
 * into the policy document the server checks with the same schema; the server's issues show
 * beside the fields they concern.
 */

const INPUT = "rounded border border-slate-400 px-2 py-1 text-sm";
const BUTTON = "rounded border border-slate-400 bg-white px-2 py-1 text-sm disabled:opacity-50";

function Issue({ id, message }: { id?: string; message?: string }) {
  return message ? (
    <span id={id} className="text-xs text-red-700">
      {message}
    </span>
  ) : null;
}

export interface PolicyEditorProps {
  /** Absent for a new policy. */
  policy?: {
    id: string;
    isDefault: boolean;
    input: PolicyInput;
    stepActionCounts: Record<string, number>;
    /** Per step id and variant key: invoices that got the variant (it cannot be removed). */
    variantActionCounts?: Record<string, Record<string, number>>;
  };
  suggestions: Partial<Record<FactName, readonly string[]>>;
  locale: Locale;
}

export function PolicyEditor({ policy, suggestions, locale }: PolicyEditorProps) {
  const t = collectionsFormMessages[locale];
  const router = useRouter();
  const [draft, setDraft] = useState<PolicyDraft>(() =>
    policy ? draftFromInput(policy.input) : newPolicyDraft(),
  );
  const [problem, setProblem] = useState<ClientProblem | null>(null);
  const [clientIssues, setClientIssues] = useState<FormIssue[]>([]);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const previewState = usePreview(draft, policy?.id, t);

  const update = (changes: Partial<PolicyDraft>) => {
    setDraft((current) => ({ ...current, ...changes }));
    setNotice(null);
  };

  async function save() {
    const { input, issues } = draftToInput(draft);
    setClientIssues(issues);
    if (issues.length > 0) {
      setProblem(null);
      return;
    }
    setBusy(true);
    const result = policy
      ? await requestJson<{ id: string }>(`/api/finance/collections/policies/${policy.id}`, {
          method: "PUT",
          body: input,
        })
      : await requestJson<{ id: string }>("/api/finance/collections/policies", {
          method: "POST",
          body: input,
        });
    setBusy(false);
    if (!result.ok) {
      setProblem(result.problem);
      return;
    }
    setProblem(null);
    if (!policy) {
      router.push(`/finance/collections/policies/${result.body.id}`);
      return;
    }
    setNotice(t.editor.saved);
    router.refresh();
  }

  const issues = [...clientIssues, ...(problem?.issues ?? [])];
  return (
    <div className="grid gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <PolicyFormView
        draft={draft}
        isNew={!policy}
        isDefault={policy?.isDefault ?? false}
        stepActionCounts={policy?.stepActionCounts ?? {}}
        variantActionCounts={policy?.variantActionCounts ?? {}}
        onPreviewVariant={(stepIndex, variantKey) => previewState.choose(stepIndex, variantKey)}
        suggestions={suggestions}
        issues={issues}
        problemMessage={problem && problem.issues.length === 0 ? problem.message : null}
        busy={busy}
        notice={notice}
        onChange={update}
        onSave={() => void save()}
        locale={locale}
      />
      <PreviewPanel draft={draft} state={previewState} locale={locale} />
    </div>
  );
}

/** The form in a given state (rendered by PolicyEditor; tested on its own). */
export function PolicyFormView({
  draft,
  isNew,
  isDefault,
  stepActionCounts,
  variantActionCounts = {},
  onPreviewVariant,
  suggestions,
  issues,
  problemMessage,
  busy,
  notice,
  onChange,
  onSave,
  locale = "en",
}: {
  draft: PolicyDraft;
  isNew: boolean;
  isDefault: boolean;
  stepActionCounts: Record<string, number>;
  /** Per step id and variant key: invoices that got the variant. */
  variantActionCounts?: Record<string, Record<string, number>>;
  /** Shows a step's variant in the preview panel. */
  onPreviewVariant?: (stepIndex: number, variantKey: string) => void;
  suggestions: Partial<Record<FactName, readonly string[]>>;
  issues: FormIssue[];
  problemMessage: string | null;
  busy: boolean;
  notice: string | null;
  onChange: (changes: Partial<PolicyDraft>) => void;
  onSave: () => void;
  locale?: Locale;
}) {
  const t = collectionsFormMessages[locale];
  const e = t.editor;
  const id = useId();
  const byPath = issuesByPath(issues);
  const setStep = (index: number, step: StepDraft) =>
    onChange({ steps: draft.steps.map((s, i) => (i === index ? step : s)) });
  return (
    <form
      aria-label={isNew ? e.newPolicy : e.editPolicy(draft.name)}
      className="flex min-w-0 flex-col gap-5 rounded-lg bg-white p-4 shadow-sm"
      data-testid="policy-editor"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSave();
      }}
    >
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium">{e.name}</span>
        <input
          className={INPUT}
          name="name"
          value={draft.name}
          maxLength={80}
          aria-invalid={byPath.name ? true : undefined}
          onChange={(event) => onChange({ name: event.currentTarget.value })}
        />
        <Issue message={byPath.name} />
      </label>

      {isDefault ? (
        <section className="text-sm" aria-labelledby={`${id}-default`}>
          <h3 id={`${id}-default`} className="font-semibold">
            {e.whoItAppliesTo}
          </h3>
          <p className="text-slate-700">{e.defaultPolicy}</p>
        </section>
      ) : (
        <TargetingEditor
          rule={draft.targeting}
          suggestions={suggestions}
          facts={COLLECTION_FACT_NAMES}
          error={byPath.targeting}
          heading={e.whoItAppliesTo}
          description={e.targetingDescription}
          locale={locale}
          onChange={(targeting) => onChange({ targeting })}
        />
      )}

      <fieldset className="grid gap-3 md:grid-cols-2">
        <legend className="mb-1 font-semibold">{e.feesAndInterest}</legend>
        <MoneyField
          label={e.feeMinimum}
          hint={e.feeMinimumHint}
          value={draft.feeMinimumKronor}
          issue={byPath.feeMinimumAmountDueOre}
          onChange={(feeMinimumKronor) => onChange({ feeMinimumKronor })}
        />
        <div className="flex flex-col gap-2 text-sm">
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={draft.chargeInterest}
              onChange={(event) => onChange({ chargeInterest: event.currentTarget.checked })}
            />
            {e.chargeInterest}
          </label>
          <MoneyField
            label={e.interestMinimum}
            hint={e.interestMinimumHint}
            value={draft.interestMinimumKronor}
            disabled={!draft.chargeInterest}
            issue={byPath.interestMinimumOre}
            onChange={(interestMinimumKronor) => onChange({ interestMinimumKronor })}
          />
        </div>
      </fieldset>

      <fieldset className="grid gap-3 md:grid-cols-2">
        <legend className="mb-1 font-semibold">{e.customerChoices}</legend>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{e.respiteMaxDays}</span>
          <input
            type="number"
            min={0}
            max={60}
            className={`${INPUT} w-28`}
            value={draft.respiteMaxDays}
            onChange={(event) => onChange({ respiteMaxDays: event.currentTarget.value })}
          />
          <Issue message={byPath.respiteMaxDays} />
        </label>
        <MoneyField
          label={e.paymentPlanMin}
          value={draft.paymentPlanMinKronor}
          issue={byPath.paymentPlanMinOre}
          onChange={(paymentPlanMinKronor) => onChange({ paymentPlanMinKronor })}
        />
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{e.paymentPlanMaxParts}</span>
          <input
            type="number"
            min={2}
            max={12}
            className={`${INPUT} w-28`}
            value={draft.paymentPlanMaxParts}
            disabled={draft.paymentPlanMinKronor.trim() === ""}
            onChange={(event) => onChange({ paymentPlanMaxParts: event.currentTarget.value })}
          />
          <Issue message={byPath.paymentPlanMaxParts} />
        </label>
        <MoneyField
          label={e.paymentPlanFee}
          hint={e.paymentPlanFeeHint(kronor(PAYMENT_PLAN_FEE_CAP_ORE))}
          value={draft.paymentPlanFeeKronor}
          disabled={draft.paymentPlanMinKronor.trim() === ""}
          issue={byPath.paymentPlanFeeOre}
          onChange={(paymentPlanFeeKronor) => onChange({ paymentPlanFeeKronor })}
        />
      </fieldset>

      <fieldset className="grid gap-3 md:grid-cols-2">
        <legend className="mb-1 font-semibold">{e.agency}</legend>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{e.name}</span>
          <input
            className={INPUT}
            value={draft.agencyName}
            maxLength={120}
            aria-invalid={byPath.agencyName ? true : undefined}
            onChange={(event) => onChange({ agencyName: event.currentTarget.value })}
          />
          <Issue message={byPath.agencyName} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{e.agencyContact}</span>
          <input
            className={INPUT}
            value={draft.agencyContact}
            maxLength={300}
            onChange={(event) => onChange({ agencyContact: event.currentTarget.value })}
          />
          <Issue message={byPath.agencyContact} />
        </label>
        <p className="text-xs text-slate-600 md:col-span-2">{e.agencyHint}</p>
      </fieldset>

      <section aria-labelledby={`${id}-steps`} className="flex flex-col gap-3">
        <h3 id={`${id}-steps`} className="font-semibold">
          {e.steps}
        </h3>
        <p className="text-sm text-slate-700">{e.stepsIntro}</p>
        <Issue message={byPath.steps} />
        <ol className="flex flex-col gap-3">
          {draft.steps.map((step, index) => (
            <li key={step.key}>
              <StepFields
                step={step}
                index={index}
                count={draft.steps.length}
                actionCount={step.id ? (stepActionCounts[step.id] ?? 0) : 0}
                variantActionCounts={step.id ? (variantActionCounts[step.id] ?? {}) : {}}
                onPreviewVariant={
                  onPreviewVariant ? (key) => onPreviewVariant(index, key) : undefined
                }
                issues={byPath}
                onChange={(next) => setStep(index, next)}
                onMove={(by) => onChange({ steps: moveStep(draft.steps, index, by) })}
                onRemove={() => onChange({ steps: draft.steps.filter((_, i) => i !== index) })}
                locale={locale}
              />
            </li>
          ))}
        </ol>
        <div>
          <button
            type="button"
            className={BUTTON}
            disabled={draft.steps.length >= MAX_STEPS}
            onClick={() => onChange({ steps: [...draft.steps, newStepDraft()] })}
          >
            {e.addStep}
          </button>
          {draft.steps.length >= MAX_STEPS ? (
            <span className="ml-2 text-xs text-slate-600">{e.maxSteps(MAX_STEPS)}</span>
          ) : null}
        </div>
      </section>

      <div className="sticky bottom-0 flex flex-col gap-3 border-t border-slate-200 bg-white pt-3">
        {issues.length > 0 ? <FormIssues title={e.notSavedFix} issues={issues} /> : null}
        {problemMessage ? (
          <p
            role="alert"
            className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900"
          >
            {e.notSaved(problemMessage)}
          </p>
        ) : null}
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="submit"
            disabled={busy}
            className="rounded bg-slate-900 px-4 py-2 text-sm font-semibold text-white disabled:opacity-50"
          >
            {busy ? e.saving : isNew ? e.create : e.save}
          </button>
          <p role="status" className="text-sm text-slate-700">
            {notice ?? ""}
          </p>
        </div>
      </div>
    </form>
  );
}

function MoneyField({
  label,
  hint,
  value,
  issue,
  disabled,
  onChange,
}: {
  label: string;
  hint?: string;
  value: string;
  issue?: string;
  disabled?: boolean;
  onChange: (value: string) => void;
}) {
  return (
    <label className="flex flex-col gap-1 text-sm">
      <span className="font-medium">{label}</span>
      <input
        inputMode="decimal"
        className={`${INPUT} w-36`}
        value={value}
        disabled={disabled}
        aria-invalid={issue ? true : undefined}
        onChange={(event) => onChange(event.currentTarget.value)}
      />
      {hint ? <span className="text-xs text-slate-600">{hint}</span> : null}
      <Issue message={issue} />
    </label>
  );
}

/** One step: kind, when, how, fee, and its texts per language (empty: the default, shown greyed). */
export function StepFields({
  step,
  index,
  count,
  actionCount,
  variantActionCounts = {},
  onPreviewVariant,
  issues,
  onChange,
  onMove,
  onRemove,
  locale = "en",
}: {
  step: StepDraft;
  index: number;
  count: number;
  /** How many invoices the stored step was taken for: such a step can be changed, not removed. */
  actionCount: number;
  /** Per variant key: how many invoices got it (such a variant can be changed, not removed). */
  variantActionCounts?: Record<string, number>;
  onPreviewVariant?: (variantKey: string) => void;
  issues: Record<string, string>;
  onChange: (step: StepDraft) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  locale?: Locale;
}) {
  const t = collectionsFormMessages[locale];
  const id = useId();
  const prefix = `steps.${index}`;
  const set = (changes: Partial<StepDraft>) => onChange({ ...step, ...changes });
  const offset = Number(step.offsetDays);
  const experiment =
    step.experimentMode !== "OFF" && step.variants.length >= 2
      ? ` · ${describeExperiment(
          {
            mode: step.experimentMode,
            variants: step.variants.map((v) => ({ key: v.key, weight: Number(v.weight) })),
          },
          "sv",
        )}`
      : "";
  const summary = `${
    Number.isInteger(offset)
      ? describeStep({ ...step, offsetDays: offset }, "sv")
      : t.kinds[step.kind]
  }${experiment}`;
  return (
    <fieldset
      className="rounded border border-slate-300 p-3"
      data-testid="policy-step"
      aria-invalid={issues[prefix] ? true : undefined}
    >
      <legend className="px-1 text-sm font-semibold">{t.step.legend(index + 1, summary)}</legend>
      <Issue message={issues[prefix]} />
      <div className="grid gap-3 md:grid-cols-3">
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t.step.kind}</span>
          <select
            className={INPUT}
            value={step.kind}
            onChange={(event) =>
              onChange(setStepKind(step, event.currentTarget.value as StepDraft["kind"]))
            }
          >
            {STEP_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t.kinds[kind]}
              </option>
            ))}
          </select>
          <Issue message={issues[`${prefix}.kind`]} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t.step.offsetDays}</span>
          <input
            type="number"
            min={-30}
            max={180}
            className={`${INPUT} w-24`}
            value={step.offsetDays}
            onChange={(event) => set({ offsetDays: event.currentTarget.value })}
          />
          <Issue message={issues[`${prefix}.offsetDays`]} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t.step.countedFrom}</span>
          <select
            className={INPUT}
            value={step.anchor}
            onChange={(event) => set({ anchor: event.currentTarget.value as StepDraft["anchor"] })}
          >
            {STEP_ANCHORS.map((anchor) => (
              <option key={anchor} value={anchor}>
                {t.anchors[anchor]}
              </option>
            ))}
          </select>
          <Issue message={issues[`${prefix}.anchor`]} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t.step.channel}</span>
          <select
            className={INPUT}
            value={step.channel}
            onChange={(event) =>
              set({ channel: event.currentTarget.value as StepDraft["channel"] })
            }
          >
            {STEP_CHANNELS.map((channel) => (
              <option key={channel} value={channel}>
                {t.channels[channel]}
              </option>
            ))}
          </select>
          <Issue message={issues[`${prefix}.channel`]} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t.step.tone}</span>
          <select
            className={INPUT}
            value={step.tone}
            onChange={(event) => set({ tone: event.currentTarget.value as StepDraft["tone"] })}
          >
            {STEP_TONES.map((tone) => (
              <option key={tone} value={tone}>
                {t.tones[tone]}
              </option>
            ))}
          </select>
          <Issue message={issues[`${prefix}.tone`]} />
        </label>
        <label className="flex items-center gap-2 self-end text-sm">
          <input
            type="checkbox"
            checked={step.chargeFee}
            disabled={step.kind === "COURTESY"}
            onChange={(event) => set({ chargeFee: event.currentTarget.checked })}
          />
          {step.kind === "COLLECTION_HANDOVER"
            ? t.step.chargeCollectionFee
            : t.step.chargeReminderFee}
        </label>
      </div>
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer">{t.step.texts}</summary>
        <p className="mt-2 text-xs text-slate-600">
          {t.step.textsHint(TEMPLATE_PLACEHOLDERS.map((name) => `{{${name}}}`).join(", "))}
        </p>
        {TEMPLATE_LOCALES.map((locale) => {
          const fallback = defaultTemplate(step.kind, step.tone, locale);
          return (
            <fieldset key={locale} className="mt-2 grid gap-2">
              <legend className="font-medium">{t.languages[locale]}</legend>
              {TEMPLATE_FIELDS.map((field) => {
                const path = `${prefix}.templates.${locale}.${field}`;
                const control = `${id}-${locale}-${field}`;
                const common = {
                  id: control,
                  className: `${INPUT} w-full`,
                  value: step.templates[locale][field],
                  placeholder: fallback[field],
                  "aria-invalid": issues[path] ? true : undefined,
                  onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
                    set({
                      templates: {
                        ...step.templates,
                        [locale]: { ...step.templates[locale], [field]: event.currentTarget.value },
                      },
                    }),
                };
                return (
                  <div key={field} className="flex flex-col gap-1">
                    <label htmlFor={control}>{t.fields[field]}</label>
                    {field === "body" ? (
                      <textarea rows={8} maxLength={3000} {...common} />
                    ) : (
                      <input maxLength={field === "sms" ? 320 : 150} {...common} />
                    )}
                    <Issue message={issues[path]} />
                  </div>
                );
              })}
            </fieldset>
          );
        })}
      </details>
      <ExperimentFields
        step={step}
        index={index}
        issues={issues}
        variantActionCounts={variantActionCounts}
        onChange={onChange}
        onPreviewVariant={onPreviewVariant}
        locale={locale}
      />
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <button
          type="button"
          className={BUTTON}
          disabled={index === 0}
          aria-label={t.step.moveUp(index + 1)}
          onClick={() => onMove(-1)}
        >
          {t.step.up}
        </button>
        <button
          type="button"
          className={BUTTON}
          disabled={index === count - 1}
          aria-label={t.step.moveDown(index + 1)}
          onClick={() => onMove(1)}
        >
          {t.step.down}
        </button>
        <button
          type="button"
          className={`${BUTTON} text-red-800`}
          disabled={actionCount > 0 || count === 1}
          aria-label={t.step.remove(index + 1)}
          onClick={onRemove}
        >
          {t.step.removeButton}
        </button>
        {actionCount > 0 ? (
          <span className="text-xs text-slate-700">{t.step.sentTo(actionCount)}</span>
        ) : null}
      </div>
    </fieldset>
  );
}

// --- Experiment --------------------------------------------------------------------------------

const feeWord = (step: StepDraft, t: CollectionsFormMessages) =>
  step.chargeFee ? t.variant.stepChargesFee : t.variant.stepNoFee;

/**
 * A step's experiment: off, a split by fixed shares, or the learner; and its variants (up to
 * four), each changing what it says and how, within the law. Adding or removing a variant puts
 * every variant at an equal share. Without hooks: a test calls it and presses its buttons.
 */
export function ExperimentFields({
  step,
  index,
  issues,
  variantActionCounts,
  onChange,
  onPreviewVariant,
  locale = "en",
}: {
  step: StepDraft;
  index: number;
  issues: Record<string, string>;
  variantActionCounts: Record<string, number>;
  onChange: (step: StepDraft) => void;
  onPreviewVariant?: (variantKey: string) => void;
  locale?: Locale;
}) {
  const t = collectionsFormMessages[locale];
  const prefix = `steps.${index}`;
  const mode = step.experimentMode;
  const nextKey = nextVariantKey(step.variants);
  const total = step.variants.reduce((sum, variant) => {
    const weight = Number(variant.weight);
    return sum + (Number.isFinite(weight) ? weight : 0);
  }, 0);
  return (
    <fieldset className="mt-3 rounded border border-slate-200 p-3" data-testid="step-experiment">
      <legend className="px-1 text-sm font-semibold">{t.experiment.legend}</legend>
      <div className="flex flex-col gap-1 text-sm">
        {EXPERIMENT_MODES.map((option) => (
          <label key={option} className="flex items-start gap-2">
            <input
              type="radio"
              className="mt-1"
              name={`experiment-${step.key}`}
              value={option}
              checked={mode === option}
              onChange={() => onChange(setExperimentMode(step, option))}
            />
            <span>
              <span className="font-medium">{t.modes[option].label}</span>
              {" — "}
              <span className="text-slate-700">{t.modes[option].hint}</span>
            </span>
          </label>
        ))}
      </div>
      <Issue message={issues[`${prefix}.experimentMode`]} />
      {mode === "OFF" && step.variants.length > 0 ? (
        <p className="mt-2 text-xs text-slate-700">{t.experiment.offNote}</p>
      ) : null}
      {mode === "SPLIT" ? (
        <p className="mt-2 text-xs text-slate-700" data-testid="split-total">
          {t.experiment.splitNote(total)}
        </p>
      ) : null}
      {mode === "LEARNING" ? (
        <p className="mt-2 text-xs text-slate-700">{t.experiment.learningNote}</p>
      ) : null}
      <Issue message={issues[`${prefix}.variants`]} />
      {step.variants.length > 0 ? (
        <ol className="mt-2 flex flex-col gap-3">
          {step.variants.map((variant, variantIndex) => (
            <li key={variant.key}>
              <VariantFields
                step={step}
                variant={variant}
                prefix={`${prefix}.variants.${variantIndex}`}
                issues={issues}
                actionCount={variantActionCounts[variant.key] ?? 0}
                onChange={(next) =>
                  onChange({
                    ...step,
                    variants: step.variants.map((v, i) => (i === variantIndex ? next : v)),
                  })
                }
                onRemove={() => onChange(removeVariant(step, variantIndex))}
                onPreview={onPreviewVariant ? () => onPreviewVariant(variant.key) : undefined}
                locale={locale}
              />
            </li>
          ))}
        </ol>
      ) : null}
      {mode !== "OFF" || step.variants.length > 0 ? (
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <button
            type="button"
            className={BUTTON}
            aria-label={t.experiment.addVariantTo(index + 1)}
            disabled={step.variants.length >= MAX_VARIANTS || nextKey === null}
            onClick={() => onChange(addVariant(step))}
          >
            {t.experiment.addVariant(nextKey ?? "")}
          </button>
          <span className="text-xs text-slate-600">{t.experiment.maxVariants(MAX_VARIANTS)}</span>
        </div>
      ) : null}
    </fieldset>
  );
}

/** One variant: its name, share, what it changes (empty: the step's own) and its texts. */
export function VariantFields({
  step,
  variant,
  prefix,
  issues,
  actionCount,
  onChange,
  onRemove,
  onPreview,
  locale = "en",
}: {
  step: StepDraft;
  variant: VariantDraft;
  /** Its issues' path, e.g. "steps.1.variants.0". */
  prefix: string;
  issues: Record<string, string>;
  actionCount: number;
  onChange: (variant: VariantDraft) => void;
  onRemove: () => void;
  onPreview?: () => void;
  locale?: Locale;
}) {
  const t = collectionsFormMessages[locale];
  const v = t.variant;
  const id = useId();
  const set = (changes: Partial<VariantDraft>) => onChange({ ...variant, ...changes });
  const courtesy = step.kind === "COURTESY";
  const tone = variant.tone === "" ? step.tone : variant.tone;
  const weight = Number(variant.weight);
  return (
    <div
      className="rounded border border-slate-300 bg-slate-50 p-3 text-sm"
      data-testid="step-variant"
      data-variant={variant.key}
    >
      <div className="grid gap-3 md:grid-cols-3">
        <label className="flex flex-col gap-1">
          <span className="font-medium">{v.name(variant.key)}</span>
          <input
            className={INPUT}
            value={variant.name}
            maxLength={60}
            aria-invalid={issues[`${prefix}.name`] ? true : undefined}
            onChange={(event) => set({ name: event.currentTarget.value })}
          />
          <Issue message={issues[`${prefix}.name`]} />
        </label>
        {step.experimentMode === "SPLIT" ? (
          <label className="flex flex-col gap-1">
            <span className="font-medium">{v.share}</span>
            <input
              type="number"
              min={0}
              max={100}
              className={`${INPUT} w-24`}
              value={variant.weight}
              aria-invalid={issues[`${prefix}.weight`] ? true : undefined}
              onChange={(event) => set({ weight: event.currentTarget.value })}
            />
            <Issue message={issues[`${prefix}.weight`]} />
          </label>
        ) : null}
        {step.experimentMode === "LEARNING" ? (
          <label className="flex items-center gap-2 self-end">
            <input
              type="checkbox"
              checked={Number.isFinite(weight) && weight > 0}
              onChange={(event) =>
                set({
                  weight: event.currentTarget.checked
                    ? String(Math.floor(100 / step.variants.length))
                    : "0",
                })
              }
            />
            {v.inPlay}
          </label>
        ) : null}
        <label className="flex flex-col gap-1">
          <span className="font-medium">{t.step.offsetDays}</span>
          <input
            type="number"
            min={-30}
            max={courtesy ? 0 : 180}
            className={`${INPUT} w-24`}
            value={variant.offsetDays}
            placeholder={v.offsetPlaceholder(step.offsetDays)}
            aria-invalid={issues[`${prefix}.offsetDays`] ? true : undefined}
            onChange={(event) => set({ offsetDays: event.currentTarget.value })}
          />
          <Issue message={issues[`${prefix}.offsetDays`]} />
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-medium">{t.step.channel}</span>
          <select
            className={INPUT}
            value={variant.channel}
            onChange={(event) =>
              set({ channel: event.currentTarget.value as VariantDraft["channel"] })
            }
          >
            <option value="">{v.asStep(t.channels[step.channel])}</option>
            {STEP_CHANNELS.map((channel) => (
              <option key={channel} value={channel}>
                {t.channels[channel]}
              </option>
            ))}
          </select>
          <Issue message={issues[`${prefix}.channel`]} />
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-medium">{t.step.tone}</span>
          <select
            className={INPUT}
            value={variant.tone}
            onChange={(event) => set({ tone: event.currentTarget.value as VariantDraft["tone"] })}
          >
            <option value="">{v.asStep(t.tones[step.tone])}</option>
            {STEP_TONES.map((option) => (
              <option key={option} value={option}>
                {t.tones[option]}
              </option>
            ))}
          </select>
          <Issue message={issues[`${prefix}.tone`]} />
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-medium">{v.fee}</span>
          <select
            className={INPUT}
            value={courtesy ? "" : variant.chargeFee}
            disabled={courtesy}
            aria-label={v.feeOf(variant.key)}
            aria-invalid={issues[`${prefix}.chargeFee`] ? true : undefined}
            onChange={(event) =>
              set({ chargeFee: event.currentTarget.value as VariantDraft["chargeFee"] })
            }
          >
            <option value="">{v.asStep(feeWord(step, t))}</option>
            <option value="charge">
              {step.kind === "COLLECTION_HANDOVER"
                ? v.chargeCollectionFee
                : t.step.chargeReminderFee}
            </option>
            <option value="none">{v.noFee}</option>
          </select>
          {courtesy ? <span className="text-xs text-slate-600">{v.courtesyNoFee}</span> : null}
          <Issue message={issues[`${prefix}.chargeFee`]} />
        </label>
      </div>
      <label className="mt-2 flex items-center gap-2">
        <input
          type="checkbox"
          checked={variant.offerPaymentPlan}
          onChange={(event) => set({ offerPaymentPlan: event.currentTarget.checked })}
        />
        {v.offerPlan}
      </label>
      <details className="mt-2">
        <summary className="cursor-pointer">{v.texts(variant.key)}</summary>
        <p className="mt-2 text-xs text-slate-600">{v.textsHint}</p>
        {TEMPLATE_LOCALES.map((locale) => {
          const own = step.templates[locale];
          const fallback = defaultTemplate(step.kind, tone, locale);
          return (
            <fieldset key={locale} className="mt-2 grid gap-2">
              <legend className="font-medium">{t.languages[locale]}</legend>
              {TEMPLATE_FIELDS.map((field) => {
                const path = `${prefix}.templates.${locale}.${field}`;
                const control = `${id}-${locale}-${field}`;
                const common = {
                  id: control,
                  className: `${INPUT} w-full`,
                  value: variant.templates[locale][field],
                  placeholder: own[field].trim() !== "" ? own[field] : fallback[field],
                  "aria-invalid": issues[path] ? true : undefined,
                  onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
                    set({
                      templates: {
                        ...variant.templates,
                        [locale]: {
                          ...variant.templates[locale],
                          [field]: event.currentTarget.value,
                        },
                      },
                    }),
                };
                return (
                  <div key={field} className="flex flex-col gap-1">
                    <label htmlFor={control}>{t.fields[field]}</label>
                    {field === "body" ? (
                      <textarea rows={6} maxLength={3000} {...common} />
                    ) : (
                      <input maxLength={field === "sms" ? 320 : 150} {...common} />
                    )}
                    <Issue message={issues[path]} />
                  </div>
                );
              })}
            </fieldset>
          );
        })}
      </details>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        {onPreview ? (
          <button type="button" className={BUTTON} onClick={onPreview}>
            {v.preview(variant.key)}
          </button>
        ) : null}
        <button
          type="button"
          className={`${BUTTON} text-red-800`}
          disabled={actionCount > 0}
          aria-label={v.remove(variant.key)}
          onClick={onRemove}
        >
          {t.step.removeButton}
        </button>
        {actionCount > 0 ? (
          <span className="text-xs text-slate-700">{v.sentTo(actionCount)}</span>
        ) : null}
      </div>
    </div>
  );
}

// --- Preview --------------------------------------------------------------------------------

/** Asks the server for one step's preview; its problem comes back as it is. */
export async function requestPreview(
  body: {
    policyId?: string;
    policy: unknown;
    stepIndex: number;
    invoiceNumber: number;
    variantKey?: string;
  },
  fallback = collectionsFormMessages.en.preview.noPreview,
) {
  return requestJson<StepPreview>(
    "/api/finance/collections/preview",
    { method: "POST", body },
    fallback,
  );
}

/**
 * The preview's state: the invoice, the step and the variant chosen, and the answer. Held by the
 * editor, so a step's "Förhandsgranska variant B" can choose (and show) it from the form.
 */
function usePreview(draft: PolicyDraft, policyId: string | undefined, t: CollectionsFormMessages) {
  const [invoiceNumber, setInvoiceNumber] = useState("");
  const [stepIndex, setStepIndex] = useState(0);
  const [variantKey, setVariantKey] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ClientProblem | null>(null);
  const [preview, setPreview] = useState<StepPreview | null>(null);
  const index = Math.min(stepIndex, Math.max(0, draft.steps.length - 1));
  const variants = draft.steps[index]?.variants ?? [];
  const variant = variants.some((v) => v.key === variantKey) ? variantKey : null;

  async function show(stepAt = index, keyAt: string | null = variant) {
    const { input, issues } = draftToInput(draft);
    const number = Number(invoiceNumber);
    if (issues.length > 0 || !Number.isInteger(number) || number < 1) {
      setPreview(null);
      setProblem({
        code: "BAD_INPUT",
        status: 0,
        details: {},
        issues: [],
        message:
          issues.length > 0
            ? t.preview.fixFirst(issues[0]!.path, issues[0]!.message)
            : t.preview.typeNumber,
      });
      return;
    }
    setBusy(true);
    const result = await requestPreview(
      {
        ...(policyId ? { policyId } : {}),
        policy: input,
        stepIndex: stepAt,
        invoiceNumber: number,
        ...(keyAt ? { variantKey: keyAt } : {}),
      },
      t.preview.noPreview,
    );
    setBusy(false);
    if (result.ok) {
      setPreview(result.body);
      setProblem(null);
    } else {
      setPreview(null);
      setProblem(result.problem);
    }
  }

  /** Chooses a step and variant; shows it at once when an invoice number is typed. */
  function choose(stepAt: number, keyAt: string | null) {
    setStepIndex(stepAt);
    setVariantKey(keyAt);
    if (invoiceNumber.trim() !== "") void show(stepAt, keyAt);
  }

  return {
    invoiceNumber,
    setInvoiceNumber,
    index,
    setStepIndex,
    variants,
    variant,
    setVariantKey,
    busy,
    problem,
    preview,
    show,
    choose,
  };
}

function PreviewPanel({
  draft,
  state,
  locale,
}: {
  draft: PolicyDraft;
  state: ReturnType<typeof usePreview>;
  locale: Locale;
}) {
  const t = collectionsFormMessages[locale].preview;
  const kinds = collectionsFormMessages[locale].kinds;
  const id = useId();
  const {
    invoiceNumber,
    setInvoiceNumber,
    index,
    setStepIndex,
    variants,
    variant,
    setVariantKey,
    busy,
    problem,
    preview,
    show,
  } = state;

  return (
    <section
      aria-labelledby={`${id}-heading`}
      className="flex min-w-0 flex-col gap-3 self-start rounded-lg bg-white p-4 shadow-sm xl:sticky xl:top-4"
      data-testid="policy-preview"
    >
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {t.heading}
      </h2>
      <p className="text-sm text-slate-700">{t.intro}</p>
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t.invoiceNumber}</span>
          <input
            inputMode="numeric"
            className={`${INPUT} w-32`}
            value={invoiceNumber}
            onChange={(event) => setInvoiceNumber(event.currentTarget.value)}
          />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t.step}</span>
          <select
            className={INPUT}
            value={index}
            onChange={(event) => {
              setStepIndex(Number(event.currentTarget.value));
              setVariantKey(null);
            }}
          >
            {draft.steps.map((step, i) => (
              <option key={step.key} value={i}>
                {i + 1}. {kinds[step.kind]}
              </option>
            ))}
          </select>
        </label>
        {variants.length > 0 ? (
          <label className="flex flex-col gap-1 text-sm">
            <span className="font-medium">{t.variant}</span>
            <select
              className={INPUT}
              value={variant ?? ""}
              onChange={(event) => setVariantKey(event.currentTarget.value || null)}
            >
              <option value="">{t.asWritten}</option>
              {variants.map((v) => (
                <option key={v.key} value={v.key}>
                  {t.variantOption(v.key, v.name)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <button type="button" className={BUTTON} disabled={busy} onClick={() => void show()}>
          {busy ? t.rendering : t.show}
        </button>
      </div>
      <PreviewResultView preview={preview} problem={problem} locale={locale} />
    </section>
  );
}

/** The preview's answer (or its problem), every text shown as text. */
export function PreviewResultView({
  preview,
  problem,
  locale = "en",
}: {
  preview: StepPreview | null;
  problem: ClientProblem | null;
  locale?: Locale;
}) {
  const t = collectionsFormMessages[locale].preview;
  if (problem) {
    const issue = problem.issues[0];
    return (
      <p role="alert" className="text-sm text-red-800">
        {issue ? `${issue.path.replace(/^policy\./, "")}: ${issue.message}` : problem.message}
      </p>
    );
  }
  if (!preview) return null;
  const { message, step } = preview;
  const fee = preview.feeOre > 0 ? kronor(preview.feeOre) : t.none;
  const interest = preview.interestOre > 0 ? kronor(preview.interestOre) : t.none;
  const status = {
    planned: t.planned(preview.date),
    paused: t.paused,
    taken: t.taken(preview.date),
    "not-planned": t.notPlanned,
  }[preview.status];
  return (
    <div className="flex flex-col gap-3 text-sm" data-testid="preview-result">
      <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1">
        <dt className="text-slate-600">{t.invoice}</dt>
        <dd>
          {preview.invoice.number} · {preview.invoice.customerName} ·{" "}
          {t.due(preview.invoice.dueDate)} · {kronor(preview.invoice.amountDueOre)} ·{" "}
          {preview.invoice.locale === "sv" ? t.swedish : t.english}
        </dd>
        <dt className="text-slate-600">{t.fallsUnder}</dt>
        <dd>{preview.currentPolicy.name}</dd>
        <dt className="text-slate-600">{t.thisStep}</dt>
        <dd>
          {preview.variant ? (
            <span className="block font-medium" data-testid="preview-variant">
              {t.variantName(preview.variant.key, preview.variant.name)}
            </span>
          ) : null}
          {status}
          {preview.note ? <span className="block text-slate-700">{preview.note}</span> : null}
        </dd>
        <dt className="text-slate-600">{t.fee}</dt>
        <dd>
          {fee}
          {preview.feeReason ? (
            <span className="block text-slate-700">{preview.feeReason}</span>
          ) : null}
        </dd>
        <dt className="text-slate-600">{t.interest}</dt>
        <dd>
          {interest}
          {preview.interestReason ? (
            <span className="block text-slate-700">{preview.interestReason}</span>
          ) : null}
        </dd>
        <dt className="text-slate-600">{t.payBy}</dt>
        <dd>{preview.payBy ?? t.dueDate}</dd>
      </dl>
      {step.channel === "SMS" ? (
        <MessageBlock title="SMS" text={message.sms} />
      ) : (
        <>
          <MessageBlock
            title={
              step.channel === "LETTER" ? t.letter : step.channel === "PAGE" ? t.page : t.email
            }
            heading={message.subject}
            text={message.body}
          />
          <details>
            <summary className="cursor-pointer">{t.smsText}</summary>
            <MessageBlock title="SMS" text={message.sms} />
          </details>
        </>
      )}
    </div>
  );
}

function MessageBlock({ title, heading, text }: { title: string; heading?: string; text: string }) {
  return (
    <figure className="rounded border border-slate-200 bg-slate-50 p-3">
      <figcaption className="text-xs font-semibold uppercase text-slate-600">{title}</figcaption>
      {heading ? <p className="mt-1 font-semibold">{heading}</p> : null}
      <pre className="mt-1 whitespace-pre-wrap font-sans">{text}</pre>
    </figure>
  );
}
