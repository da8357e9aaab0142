"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { requestJson } from "@/components/ui/problem";
import type { Locale } from "@/lib/db/generated/client";
import { agentInboxMessages } from "@/lib/i18n/staff/agent/inbox";

type Messages = (typeof agentInboxMessages)["en"]["canned"];

interface Reply {
  id: string;
  title: string;
  body: string;
}

async function send(
  t: Messages,
  url: string,
  method: string,
  body?: unknown,
): Promise<string | null> {
  const result = await requestJson(url, { method, body }, t.notSaved);
  return result.ok ? null : result.problem.message;
}

function ReplyForm({ reply, onDone, t }: { reply?: Reply; onDone: () => void; t: Messages }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="flex flex-col gap-2"
      aria-label={reply ? t.edit(reply.title) : t.new}
      onSubmit={async (event) => {
        event.preventDefault();
        const target = event.currentTarget;
        const form = new FormData(target);
        const failure = await send(t, "/api/agent/canned-replies", "POST", {
          id: reply?.id,
          title: String(form.get("title") ?? ""),
          body: String(form.get("body") ?? ""),
        });
        setError(failure);
        if (!failure) {
          if (!reply) target.reset();
          onDone();
        }
      }}
    >
      <label className="flex flex-col gap-1 text-sm">
        {t.titleLabel}
        <input
          name="title"
          defaultValue={reply?.title}
          required
          maxLength={80}
          className="rounded border border-slate-400 px-2 py-1"
        />
      </label>
      <label className="flex flex-col gap-1 text-sm">
        {t.text}
        <textarea
          name="body"
          defaultValue={reply?.body}
          required
          maxLength={2000}
          rows={3}
          className="rounded border border-slate-400 px-2 py-1"
        />
      </label>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <button
        type="submit"
        className="self-start rounded bg-slate-900 px-3 py-1 text-sm font-semibold text-white"
      >
        {reply ? t.save : t.add}
      </button>
    </form>
  );
}

/** The organisation's canned replies: add, edit, delete. */
export function CannedRepliesEditor({ replies, locale }: { replies: Reply[]; locale: Locale }) {
  const t = agentInboxMessages[locale].canned;
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-6">
      <ul className="flex flex-col gap-4" data-testid="canned-replies">
        {replies.map((reply) => (
          <li key={reply.id} className="rounded-lg bg-white p-4 shadow-sm">
            <ReplyForm reply={reply} onDone={() => router.refresh()} t={t} />
            <button
              type="button"
              className="mt-2 text-sm text-red-800 underline"
              onClick={async () => {
                setError(await send(t, `/api/agent/canned-replies/${reply.id}`, "DELETE"));
                router.refresh();
              }}
            >
              {t.delete(reply.title)}
            </button>
          </li>
        ))}
      </ul>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <section className="rounded-lg bg-white p-4 shadow-sm">
        <h2 className="mb-2 font-semibold">{t.new}</h2>
        <ReplyForm onDone={() => router.refresh()} t={t} />
      </section>
    </div>
  );
}
