"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { adminTime } from "@/components/admin/admin-time";
import { FILE_FORMAT_LABELS } from "@/components/finance/finance-labels";
import { type ClientProblem, readProblem } from "@/components/ui/problem";
import type { BankFileFormat, Locale } from "@/lib/db/generated/client";
import { financeBankMessages } from "@/lib/i18n/staff/finance/bank";

/** What the upload route answers about the file (lib/bank-files/bank-file-views.ts). */
export interface UploadedBankFile {
  id: string;
  fileName: string;
  format: BankFileFormat;
  status: string;
  duplicate: boolean;
  receivedAt: string;
}

export type UploadState =
  | { kind: "idle" }
  | { kind: "busy"; fileName: string }
  | { kind: "done"; file: UploadedBankFile }
  | { kind: "failed"; problem: ClientProblem };

/** camt.054 is XML; anything else is sent as BgMax (the server reads the bytes and says if not). */
export function bankFileContentType(fileName: string): "application/xml" | "text/plain" {
  return /\.xml$/i.test(fileName.trim()) ? "application/xml" : "text/plain";
}

const problemOf = (message: string, code = "BAD_INPUT"): ClientProblem => ({
  code,
  message,
  status: 0,
  details: {},
  issues: [],
});

const megabytes = (bytes: number) => `${Math.floor(bytes / (1024 * 1024))} MB`;

/**
 * Sends the file's bytes as the request body (the browser streams the file; nothing is read into
 * memory here), its name in `?name=`. The answer: the file as received — or, for the same file
 * again, the first one (`duplicate`) — or the problem.
 */
export async function uploadBankFile(
  file: Blob & { name: string },
  maxBytes: number,
  locale: Locale,
): Promise<{ ok: true; file: UploadedBankFile } | { ok: false; problem: ClientProblem }> {
  const t = financeBankMessages[locale].upload;
  if (file.size === 0) return { ok: false, problem: problemOf(t.empty) };
  if (file.size > maxBytes) {
    return {
      ok: false,
      problem: problemOf(t.tooLarge(megabytes(maxBytes)), "PAYLOAD_TOO_LARGE"),
    };
  }
  let response: Response;
  try {
    response = await fetch(`/api/finance/bank-files?name=${encodeURIComponent(file.name)}`, {
      method: "POST",
      headers: { "content-type": bankFileContentType(file.name) },
      body: file,
    });
  } catch {
    return { ok: false, problem: problemOf(t.unreachable, "NETWORK") };
  }
  if (!response.ok) {
    return { ok: false, problem: await readProblem(response, t.failed) };
  }
  const body = (await response.json().catch(() => null)) as UploadedBankFile | null;
  return body ? { ok: true, file: body } : { ok: false, problem: problemOf(t.failed, "UNKNOWN") };
}

/** The upload form: choose a file, send it; the list below is then read again. */
export function BankFileUpload({ maxBytes, locale }: { maxBytes: number; locale: Locale }) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<UploadState>({ kind: "idle" });

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) {
      setState({
        kind: "failed",
        problem: problemOf(financeBankMessages[locale].upload.chooseFirst),
      });
      return;
    }
    setState({ kind: "busy", fileName: file.name });
    const result = await uploadBankFile(file, maxBytes, locale);
    if (!result.ok) {
      setState({ kind: "failed", problem: result.problem });
      return;
    }
    setState({ kind: "done", file: result.file });
    if (input.current) input.current.value = "";
    router.refresh();
  };

  return (
    <BankFileUploadView
      maxBytes={maxBytes}
      state={state}
      input={input}
      onSubmit={submit}
      locale={locale}
    />
  );
}

/** The form in a given state (rendered by BankFileUpload; tested on its own). */
export function BankFileUploadView({
  maxBytes,
  state,
  input,
  onSubmit,
  locale,
}: {
  maxBytes: number;
  state: UploadState;
  input?: React.Ref<HTMLInputElement>;
  onSubmit: (event: React.FormEvent) => void;
  locale: Locale;
}) {
  const t = financeBankMessages[locale].upload;
  const id = useId();
  const failed = state.kind === "failed";
  return (
    <form
      onSubmit={onSubmit}
      aria-labelledby={`${id}-heading`}
      className="mt-4 grid max-w-3xl gap-3 rounded border border-slate-200 bg-white p-4"
      data-testid="bank-file-upload"
      noValidate
    >
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {t.heading}
      </h2>
      <div className="grid gap-1 text-sm">
        <label htmlFor={`${id}-file`} className="font-medium">
          {t.fileLabel}
        </label>
        <input
          id={`${id}-file`}
          ref={input}
          name="file"
          type="file"
          required
          aria-invalid={failed ? true : undefined}
          aria-describedby={`${id}-hint${failed ? ` ${id}-error` : ""}`}
          className="max-w-md"
        />
        <span id={`${id}-hint`} className="text-slate-600">
          {t.hint(megabytes(maxBytes))}
        </span>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={state.kind === "busy"}
          className="rounded bg-slate-900 px-4 py-2 text-sm font-semibold text-white disabled:opacity-50"
        >
          {state.kind === "busy" ? t.uploading : t.upload}
        </button>
        <p id={`${id}-error`} role="alert" className="text-sm text-red-800">
          {failed ? t.notReceived(state.problem.message) : ""}
        </p>
      </div>
      <div role="status" className="text-sm" data-testid="bank-file-upload-result">
        {state.kind === "busy" ? <p>{t.sending(state.fileName)}</p> : null}
        {state.kind === "done" && !state.file.duplicate ? (
          <p>
            {t.received(state.file.fileName, FILE_FORMAT_LABELS[state.file.format])}{" "}
            <Link href={`/finance/bank-files/${state.file.id}`} className="text-blue-800 underline">
              {t.openReport}
            </Link>
          </p>
        ) : null}
        {state.kind === "done" && state.file.duplicate ? (
          <p>
            {t.duplicate(state.file.fileName, adminTime(new Date(state.file.receivedAt)))}{" "}
            <Link href={`/finance/bank-files/${state.file.id}`} className="text-blue-800 underline">
              {t.openReport}
            </Link>
          </p>
        ) : null}
      </div>
    </form>
  );
}
