"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { type ChoiceOption, slug } from "@/components/admin/choices";
import { OneTimeSecret } from "@/components/admin/one-time-secret";
import { type ClientProblem, fieldMessage, requestJson } from "@/components/ui/problem";
import type { Locale } from "@/lib/db/generated/client";
import { adminMessages } from "@/lib/i18n/staff/admin";

interface CreatedKey {
  key: string;
  name: string;
  prefix: string;
}

type Mode = "LIVE" | "TEST";

/**
 * Creating an API key: a name, live or test, and the scopes it needs. The new key is shown once,
 * here, right after it is made (the server keeps only its hash); the list is then read again.
 */
export function ApiKeyForm({ scopes, locale }: { scopes: ChoiceOption[]; locale: Locale }) {
  const t = adminMessages[locale].apiKeys;
  const router = useRouter();
  const [name, setName] = useState("");
  const [mode, setMode] = useState<Mode>("LIVE");
  const [chosen, setChosen] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ClientProblem | null>(null);
  const [created, setCreated] = useState<CreatedKey | null>(null);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    const result = await requestJson<CreatedKey>(
      "/api/admin/api-keys",
      { method: "POST", body: { name, mode, scopes: chosen } },
      t.notCreated,
    );
    setBusy(false);
    if (!result.ok) {
      setProblem(result.problem);
      return;
    }
    setCreated({ key: result.body.key, name: result.body.name, prefix: result.body.prefix });
    setName("");
    setChosen([]);
    router.refresh();
  };

  if (created) {
    return (
      <OneTimeSecret
        testId="new-api-key"
        heading={t.newKey(created.name)}
        label={t.keyLabel}
        copyLabel={t.copyKey}
        value={created.key}
        note={t.newKeyNote(created.prefix)}
        locale={locale}
        onDone={() => setCreated(null)}
      />
    );
  }
  return (
    <ApiKeyFormView
      scopes={scopes}
      name={name}
      mode={mode}
      chosen={chosen}
      busy={busy}
      problem={problem}
      onName={setName}
      onMode={setMode}
      onToggle={(scope, on) =>
        setChosen((current) =>
          on ? [...current.filter((s) => s !== scope), scope] : current.filter((s) => s !== scope),
        )
      }
      onSubmit={submit}
      locale={locale}
    />
  );
}

/** The form's fields in a given state (rendered by ApiKeyForm; tested on its own). */
export function ApiKeyFormView({
  scopes,
  name,
  mode,
  chosen,
  busy,
  problem,
  onName,
  onMode,
  onToggle,
  onSubmit,
  locale,
}: {
  scopes: ChoiceOption[];
  name: string;
  mode: Mode;
  chosen: string[];
  busy: boolean;
  problem: ClientProblem | null;
  onName: (name: string) => void;
  onMode: (mode: Mode) => void;
  onToggle: (scope: string, on: boolean) => void;
  onSubmit: (event: React.FormEvent) => void;
  locale: Locale;
}) {
  const t = adminMessages[locale].apiKeys;
  const id = useId();
  const nameError = fieldMessage(problem, "name");
  const scopesError = fieldMessage(problem, "scopes");
  const otherError = problem && !nameError && !scopesError ? problem.message : null;
  return (
    <form
      onSubmit={onSubmit}
      aria-labelledby={`${id}-heading`}
      className="mt-2 grid max-w-3xl gap-4 rounded border border-slate-200 bg-white p-4"
      data-testid="api-key-form"
      noValidate
    >
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {t.createHeading}
      </h2>
      <div className="grid gap-1 text-sm">
        <label htmlFor={`${id}-name`} className="font-medium">
          {t.name}
        </label>
        <input
          id={`${id}-name`}
          name="name"
          value={name}
          maxLength={80}
          required
          aria-invalid={nameError ? true : undefined}
          aria-describedby={`${id}-name-hint${nameError ? ` ${id}-name-error` : ""}`}
          onChange={(event) => onName(event.target.value)}
          className="max-w-md rounded border border-slate-400 px-2 py-1"
        />
        <span id={`${id}-name-hint`} className="text-slate-600">
          {t.nameHint}
        </span>
        {nameError ? (
          <span id={`${id}-name-error`} className="text-red-800">
            {nameError}
          </span>
        ) : null}
      </div>
      <fieldset className="grid gap-1 text-sm" aria-describedby={`${id}-mode-hint`}>
        <legend className="font-medium">{t.mode}</legend>
        {(["LIVE", "TEST"] as const).map((value) => (
          <label key={value} className="flex items-center gap-2">
            <input
              type="radio"
              name="mode"
              value={value}
              checked={mode === value}
              onChange={() => onMode(value)}
            />
            {value === "LIVE" ? t.live : t.test}
            <span className="font-mono text-slate-600">
              {value === "LIVE" ? "nota_live_…" : "nota_test_…"}
            </span>
          </label>
        ))}
        <span id={`${id}-mode-hint`} className="text-slate-600">
          {t.modeHint}
        </span>
      </fieldset>
      <fieldset
        className="grid gap-2 text-sm"
        aria-invalid={scopesError ? true : undefined}
        aria-describedby={scopesError ? `${id}-scopes-error` : undefined}
      >
        <legend className="font-medium">{t.scopes}</legend>
        {scopes.map((scope) => (
          <div key={scope.value} className="flex items-start gap-2">
            <input
              id={`${id}-scope-${slug(scope.value)}`}
              type="checkbox"
              name="scopes"
              value={scope.value}
              checked={chosen.includes(scope.value)}
              aria-describedby={`${id}-scope-${slug(scope.value)}-description`}
              onChange={(event) => onToggle(scope.value, event.target.checked)}
              className="mt-1"
            />
            <div>
              <label htmlFor={`${id}-scope-${slug(scope.value)}`} className="font-mono">
                {scope.value}
              </label>
              <p id={`${id}-scope-${slug(scope.value)}-description`} className="text-slate-700">
                {scope.description}
              </p>
            </div>
          </div>
        ))}
        {scopesError ? (
          <span id={`${id}-scopes-error`} className="text-red-800">
            {scopesError}
          </span>
        ) : null}
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={busy}
          className="rounded bg-slate-900 px-4 py-2 text-sm font-semibold text-white disabled:opacity-50"
        >
          {t.create}
        </button>
        <p role="alert" className="text-sm text-red-800">
          {problem ? (otherError ?? t.notCreatedFields) : ""}
        </p>
      </div>
    </form>
  );
}
