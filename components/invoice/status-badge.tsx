import type { DisplayStatus } from "@/lib/invoice-page/load-invoice-page";

// Text colours chosen for WCAG AA contrast on their backgrounds.
const STYLES: Record<DisplayStatus, string> = {
  open: "bg-amber-100 text-amber-900 border-amber-300",
  partly_paid: "bg-sky-100 text-sky-900 border-sky-300",
  paid: "bg-green-100 text-green-900 border-green-300",
  credited: "bg-slate-200 text-slate-900 border-slate-300",
  overdue: "bg-red-100 text-red-900 border-red-300",
  draft: "bg-slate-100 text-slate-900 border-slate-300",
};

export function StatusBadge({
  status,
  label,
  testId,
}: {
  status: DisplayStatus;
  label: string;
  testId?: string;
}) {
  return (
    <span
      className={`inline-block rounded-full border px-3 py-1 text-sm font-semibold ${STYLES[status]}`}
      data-testid={testId}
      data-status={status}
    >
      {label}
    </span>
  );
}
