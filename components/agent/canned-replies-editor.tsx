"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { requestJson } from "@/components/ui/problem";

interface Reply {
  id: string;
  title: string;
  body: string;
}

async function send(url: string, method: string, body?: unknown): Promise<string | null> {
  const result = await requestJson(url, { method, body });
  return result.ok ? null : result.problem.message;
}

function ReplyForm({ reply, onDone }: { reply?: Reply; onDone: () => void }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="flex flex-col gap-2"
      aria-label={reply ? `Edit ${reply.title}` : "New canned reply"}
      onSubmit={async (event) => {
        event.preventDefault();
        const target = event.currentTarget;
        const form = new FormData(target);
        const failure = await send("/api/agent/canned-replies", "POST", {
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
        Title
        <input
          name="title"
          defaultValue={reply?.title}
          required
          maxLength={80}
          className="rounded border border-slate-400 px-2 py-1"
        />
      </label>
      <label className="flex flex-col gap-1 text-sm">
        Text
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
        {reply ? "Save" : "Add"}
      </button>
    </form>
  );
}

/** The organisation's canned replies: add, edit, delete. */
export function CannedRepliesEditor({ replies }: { replies: Reply[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-6">
      <ul className="flex flex-col gap-4" data-testid="canned-replies">
        {replies.map((reply) => (
          <li key={reply.id} className="rounded-lg bg-white p-4 shadow-sm">
            <ReplyForm reply={reply} onDone={() => router.refresh()} />
            <button
              type="button"
              className="mt-2 text-sm text-red-800 underline"
              onClick={async () => {
                setError(await send(`/api/agent/canned-replies/${reply.id}`, "DELETE"));
                router.refresh();
              }}
            >
              Delete “{reply.title}”
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
        <h2 className="mb-2 font-semibold">New canned reply</h2>
        <ReplyForm onDone={() => router.refresh()} />
      </section>
    </div>
  );
}
