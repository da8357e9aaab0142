"use client";

import { useId, useState } from "react";
import { MAX_MESSAGE_LENGTH } from "@/lib/chat/chat-limits";

/**
 * The text box and send button. With a keyboard, Enter sends and Shift+Enter makes a new line; on
 * a touch screen Enter makes a new line, as it does in every messaging app there, and the button
 * sends. The length limit is the server's, shown before it is reached rather than enforced by
 * cutting the text.
 */
export function ChatComposer({
  label,
  placeholder,
  sendLabel,
  tooLong,
  remaining,
  onSend,
  onTyping,
  disabled = false,
  extra,
  value: controlled,
  onValueChange,
}: {
  label: string;
  placeholder: string;
  sendLabel: string;
  tooLong: string;
  remaining: (count: number) => string;
  onSend: (body: string) => void;
  onTyping: (typing: boolean) => void;
  disabled?: boolean;
  extra?: React.ReactNode;
  value?: string;
  onValueChange?: (value: string) => void;
}) {
  const id = useId();
  const [own, setOwn] = useState("");
  const value = controlled ?? own;
  const setValue = onValueChange ?? setOwn;
  const left = MAX_MESSAGE_LENGTH - value.length;
  const canSend = value.trim().length > 0 && left >= 0 && !disabled;
  const submit = () => {
    if (!canSend) return;
    onSend(value.trim());
    setValue("");
    onTyping(false);
  };
  return (
    <form
      className="flex flex-col gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <textarea
        id={id}
        rows={2}
        value={value}
        placeholder={placeholder}
        aria-describedby={`${id}-count`}
        aria-invalid={left < 0}
        className="w-full rounded border border-slate-400 px-3 py-2 text-base"
        onChange={(event) => {
          setValue(event.target.value);
          onTyping(event.target.value.length > 0);
        }}
        onBlur={() => onTyping(false)}
        onKeyDown={(event) => {
          if (
            event.key === "Enter" &&
            !event.shiftKey &&
            !event.nativeEvent.isComposing &&
            !isTouchFirst()
          ) {
            event.preventDefault();
            submit();
          }
        }}
      />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p id={`${id}-count`} className={`text-xs ${left < 0 ? "text-red-700" : "text-slate-700"}`}>
          {left < 0 ? tooLong : left < 200 ? remaining(left) : ""}
        </p>
        <div className="flex items-center gap-2">
          {extra}
          <button
            type="submit"
            disabled={!canSend}
            className="rounded bg-slate-900 px-4 py-2 text-sm font-semibold text-white disabled:opacity-50"
          >
            {sendLabel}
          </button>
        </div>
      </div>
    </form>
  );
}

/** A device whose main pointer is a finger (a phone, a tablet): there Enter is a new line. */
function isTouchFirst(): boolean {
  return typeof window !== "undefined" && window.matchMedia?.("(pointer: coarse)").matches === true;
}
