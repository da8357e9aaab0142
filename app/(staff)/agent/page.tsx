import Link from "next/link";
import { ConversationActions } from "@/components/agent/conversation-actions";
import { InboxLive } from "@/components/agent/inbox-live";
import { Forbidden, StaffShell } from "@/components/staff/staff-shell";
import { CONSOLE_ROLES } from "@/lib/auth/require-staff";
import { requireStaffPage, staffLocaleForMetadata } from "@/lib/auth/staff-page";
import { inboxFilterSchema, listInbox } from "@/lib/chat/inbox";
import { getDb } from "@/lib/db/client";
import { agentInboxMessages } from "@/lib/i18n/staff/agent/inbox";

export async function generateMetadata() {
  return { title: agentInboxMessages[await staffLocaleForMetadata()].title };
}

const FILTERS = ["open", "mine", "unassigned", "resolved"] as const;

function waited(since: Date, now: Date, t: (typeof agentInboxMessages)["en"]["waited"]): string {
  const minutes = Math.max(0, Math.round((now.getTime() - since.getTime()) / 60_000));
  if (minutes < 60) return t.minutes(minutes);
  if (minutes < 48 * 60) return t.hours(Math.floor(minutes / 60), minutes % 60);
  return t.days(Math.floor(minutes / 1440));
}

/** The agent inbox: conversations waiting for an answer, the longest wait first. */
export default async function AgentInboxPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const access = await requireStaffPage(CONSOLE_ROLES.agent, "/agent");
  if (access.forbidden) return <Forbidden staff={access.staff} />;
  const { staff } = access;
  const t = agentInboxMessages[staff.locale];
  const filter = inboxFilterSchema.parse((await searchParams).filter);
  const conversations = await listInbox(await getDb(), {
    organizationId: staff.organizationId,
    staffId: staff.id,
    filter,
  });
  const now = new Date();
  return (
    <StaffShell staff={staff} className="mx-auto max-w-6xl px-4 py-8">
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h1 className="text-2xl font-bold">{t.title}</h1>
        <nav aria-label={t.nav.label} className="flex gap-4 text-sm">
          <Link href="/agent/invoices" className="text-blue-800 underline">
            {t.nav.searchInvoices}
          </Link>
          <Link href="/agent/canned-replies" className="text-blue-800 underline">
            {t.nav.cannedReplies}
          </Link>
          <Link href="/finance/unmatched" className="text-blue-800 underline">
            {t.nav.unmatchedPayments}
          </Link>
        </nav>
      </div>
      <div className="mt-3">
        <InboxLive locale={staff.locale} />
      </div>
      <nav aria-label={t.filterLabel} className="mt-4 flex gap-2">
        {FILTERS.map((option) => (
          <Link
            key={option}
            href={option === "open" ? "/agent" : `/agent?filter=${option}`}
            aria-current={filter === option ? "page" : undefined}
            className={`rounded-full px-3 py-1 text-sm ${
              filter === option
                ? "bg-slate-900 text-white"
                : "bg-white text-slate-900 ring-1 ring-slate-300"
            }`}
          >
            {t.filters[option]}
          </Link>
        ))}
      </nav>
      {conversations.length === 0 ? (
        <p className="mt-6 text-slate-700" data-testid="inbox-empty">
          {t.empty}
        </p>
      ) : (
        <ul
          className="mt-4 divide-y divide-slate-200 rounded-lg bg-white shadow-sm"
          data-testid="inbox"
        >
          {conversations.map((conversation) => (
            <li
              key={conversation.id}
              className="flex flex-wrap items-center gap-3 px-4 py-3"
              data-testid="inbox-item"
              data-invoice-id={conversation.invoiceId}
            >
              <div className="min-w-0 flex-1">
                <p className="font-medium">
                  <Link href={`/agent/invoices/${conversation.invoiceId}`} className="underline">
                    {conversation.customerName}
                  </Link>{" "}
                  <span className="text-sm text-slate-700">
                    {t.invoice(conversation.invoiceNumber)}
                  </span>
                  {conversation.unreadCount > 0 ? (
                    <span
                      className="ml-2 rounded-full bg-blue-700 px-2 py-0.5 text-xs font-semibold text-white"
                      data-testid="unread-count"
                    >
                      {t.unread(conversation.unreadCount)}
                    </span>
                  ) : null}
                </p>
                <p className="truncate text-sm text-slate-700">
                  {conversation.lastMessagePreview ?? ""}
                </p>
              </div>
              <p className="text-sm text-slate-700">
                {conversation.waitingSince ? (
                  <span className="font-semibold text-amber-800">
                    {t.waiting(waited(conversation.waitingSince, now, t.waited))}
                  </span>
                ) : (
                  t.answered
                )}
                {" · "}
                {conversation.assignedStaffName
                  ? t.handledBy(conversation.assignedStaffName)
                  : t.unassigned}
              </p>
              <ConversationActions
                conversationId={conversation.id}
                locale={staff.locale}
                actions={
                  conversation.status === "RESOLVED"
                    ? ["reopen"]
                    : conversation.assignedStaffId === staff.id
                      ? ["unassign", "resolve"]
                      : ["assign-to-me", "resolve"]
                }
              />
            </li>
          ))}
        </ul>
      )}
    </StaffShell>
  );
}
