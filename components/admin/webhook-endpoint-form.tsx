"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { type ChoiceOption, slug } from "@/components/admin/choices";
import { OneTimeSecret } from "@/components/admin/one-time-secret";
import { type ClientProblem, fieldMessage, requestJson } from "@/components/ui/problem";
import type { Locale } from "@/lib/db/generated/client";
import { adminMessages } from "@/lib/i18n/staff/admin";

interface CreatedEndpoint {
  url: string;
  secret: string;
}

/**
 * Adding a webhook endpoint: its URL, the event types it wants and a note. Its signing secret is
 * shown once, here, right after it is added; the list is then read again.
 */
export function WebhookEndpointForm({
  events,
  allowPrivateNetworks,
  locale,
}: {
  events: ChoiceOption[];
  /** Whether this server may send to private and loopback addresses (local tests only). */
  allowPrivateNetworks: boolean;
  locale: Locale;
}) {
  const t = adminMessages[locale].webhooks;
  const router = useRouter();
  const [url, setUrl] = useState("");
  const [chosen, setChosen] = useState<string[]>([]);
  const [description, setDescription] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ClientProblem | null>(null);
  const [created, setCreated] = useState<CreatedEndpoint | null>(null);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    const result = await requestJson<CreatedEndpoint>(
      "/api/admin/webhook-endpoints",
      {
        method: "POST",
        body: { url, events: chosen, description: description.trim() === "" ? null : description },
      },
      t.notAdded,
    );
    setBusy(false);
    if (!result.ok) {
      setProblem(result.problem);
      return;
    }
    setCreated({ url: result.body.url, secret: result.body.secret });
    setUrl("");
    setChosen([]);
    setDescription("");
    router.refresh();
  };

  if (created) {
    return (
      <OneTimeSecret
        testId="new-webhook-secret"
        heading={t.secretHeading(created.url)}
        label={t.secretLabel}
        copyLabel={t.copySecret}
        value={created.secret}
        note={t.secretNote}
        locale={locale}
        onDone={() => setCreated(null)}
      />
    );
  }
  return (
    <WebhookEndpointFormView
      events={events}
      allowPrivateNetworks={allowPrivateNetworks}
      url={url}
      chosen={chosen}
      description={description}
      busy={busy}
      problem={problem}
      onUrl={setUrl}
      onDescription={setDescription}
      onToggle={(type, on) =>
        setChosen((current) =>
          on ? [...current.filter((t) => t !== type), type] : current.filter((t) => t !== type),
        )
      }
      onSubmit={submit}
      locale={locale}
    />
  );
}

/** The form's fields in a given state (rendered by WebhookEndpointForm; tested on its own). */
export function WebhookEndpointFormView({
  events,
  allowPrivateNetworks,
  url,
  chosen,
  description,
  busy,
  problem,
  onUrl,
  onDescription,
  onToggle,
  onSubmit,
  locale,
}: {
  events: ChoiceOption[];
  allowPrivateNetworks: boolean;
  url: string;
  chosen: string[];
  description: string;
  busy: boolean;
  problem: ClientProblem | null;
  onUrl: (url: string) => void;
  onDescription: (description: string) => void;
  onToggle: (type: string, on: boolean) => void;
  onSubmit: (event: React.FormEvent) => void;
  locale: Locale;
}) {
  const t = adminMessages[locale].webhooks;
  const id = useId();
  const urlError = fieldMessage(problem, "url");
  const eventsError = fieldMessage(problem, "events");
  const descriptionError = fieldMessage(problem, "description");
  const fieldError = urlError ?? eventsError ?? descriptionError;
  return (
    <form
      onSubmit={onSubmit}
      aria-labelledby={`${id}-heading`}
      className="mt-2 grid max-w-3xl gap-4 rounded border border-slate-200 bg-white p-4"
      data-testid="webhook-endpoint-form"
      noValidate
    >
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {t.addHeading}
      </h2>
      <div className="grid gap-1 text-sm">
        <label htmlFor={`${id}-url`} className="font-medium">
          {t.url}
        </label>
        <input
          id={`${id}-url`}
          name="url"
          type="url"
          inputMode="url"
          value={url}
          maxLength={2000}
          required
          spellCheck={false}
          placeholder="https://erp.example.se/hooks/nota"
          aria-invalid={urlError ? true : undefined}
          aria-describedby={`${id}-url-hint${urlError ? ` ${id}-url-error` : ""}`}
          onChange={(event) => onUrl(event.target.value)}
          className="rounded border border-slate-400 px-2 py-1 font-mono"
        />
        <span id={`${id}-url-hint`} className="text-slate-600">
          {allowPrivateNetworks ? t.privateHint : t.publicHint}
        </span>
        {urlError ? (
          <span id={`${id}-url-error`} className="text-red-800">
            {urlError}
          </span>
        ) : null}
      </div>
      <fieldset
        className="grid gap-2 text-sm"
        aria-invalid={eventsError ? true : undefined}
        aria-describedby={eventsError ? `${id}-events-error` : undefined}
      >
        <legend className="font-medium">{t.eventTypes}</legend>
        {events.map((type) => (
          <div key={type.value} className="flex items-start gap-2">
            <input
              id={`${id}-event-${slug(type.value)}`}
              type="checkbox"
              name="events"
              value={type.value}
              checked={chosen.includes(type.value)}
              aria-describedby={`${id}-event-${slug(type.value)}-description`}
              onChange={(event) => onToggle(type.value, event.target.checked)}
              className="mt-1"
            />
            <div>
              <label htmlFor={`${id}-event-${slug(type.value)}`} className="font-mono">
                {type.value}
              </label>
              <p id={`${id}-event-${slug(type.value)}-description`} className="text-slate-700">
                {type.description}
              </p>
            </div>
          </div>
        ))}
        {eventsError ? (
          <span id={`${id}-events-error`} className="text-red-800">
            {eventsError}
          </span>
        ) : null}
      </fieldset>
      <div className="grid gap-1 text-sm">
        <label htmlFor={`${id}-description`} className="font-medium">
          {t.description}
        </label>
        <input
          id={`${id}-description`}
          name="description"
          value={description}
          maxLength={200}
          aria-invalid={descriptionError ? true : undefined}
          aria-describedby={descriptionError ? `${id}-description-error` : undefined}
          onChange={(event) => onDescription(event.target.value)}
          className="max-w-md rounded border border-slate-400 px-2 py-1"
        />
        {descriptionError ? (
          <span id={`${id}-description-error`} className="text-red-800">
            {descriptionError}
          </span>
        ) : null}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={busy}
          className="rounded bg-slate-900 px-4 py-2 text-sm font-semibold text-white disabled:opacity-50"
        >
          {t.add}
        </button>
        <p role="alert" className="text-sm text-red-800">
          {problem ? (fieldError ? t.notAddedFields : problem.message) : ""}
        </p>
      </div>
    </form>
  );
}
