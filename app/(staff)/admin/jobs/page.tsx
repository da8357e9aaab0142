import type { Metadata } from "next";
import Link from "next/link";
import { JobRetryButton } from "@/components/admin/job-retry-button";
import { Forbidden, StaffShell } from "@/components/staff/staff-shell";
import { CONSOLE_ROLES } from "@/lib/auth/require-staff";
import { requireStaffPage, staffLocaleForMetadata } from "@/lib/auth/staff-page";
import { adminMessages } from "@/lib/i18n/staff/admin";
import { getJobEngine } from "@/lib/jobs/job-engine";
import { listTroubledJobs, loadQueueStatus } from "@/lib/jobs/job-status";

export async function generateMetadata(): Promise<Metadata> {
  return { title: adminMessages[await staffLocaleForMetadata()].titles.jobs };
}
export const dynamic = "force-dynamic";

const when = (date: Date | null) =>
  date ? date.toLocaleString("sv-SE", { timeZone: "Europe/Stockholm" }) : "—";

/** The organisation's background work: queues, and the jobs that failed or are being retried. */
export default async function JobsPage() {
  const access = await requireStaffPage(CONSOLE_ROLES.admin, "/admin/jobs");
  if (access.forbidden) return <Forbidden staff={access.staff} />;
  const { staff } = access;
  const t = adminMessages[staff.locale].jobs;
  const crumb = adminMessages[staff.locale].crumb;
  const engine = getJobEngine();
  const [queues, troubled] = engine
    ? await Promise.all([
        loadQueueStatus(engine, staff.organizationId),
        listTroubledJobs(engine, staff.organizationId),
      ])
    : [[], []];
  return (
    <StaffShell staff={staff}>
      <p className="text-sm">
        <Link href="/admin" className="text-blue-800 underline">
          {crumb}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{t.heading}</h1>
      <p className="mt-1 text-slate-700">{t.intro(staff.organizationName)}</p>
      {!engine ? (
        <p className="mt-4 rounded bg-amber-100 p-3" role="status">
          {t.noEngine}
        </p>
      ) : null}
      <table className="mt-4 w-full border-collapse bg-white text-left" data-testid="job-queues">
        <caption className="sr-only">{t.queues}</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th className="p-2">{t.queue}</th>
            <th className="p-2">{t.waiting}</th>
            <th className="p-2">{t.running}</th>
            <th className="p-2">{t.retrying}</th>
            <th className="p-2">{t.failed}</th>
            <th className="p-2">{t.done}</th>
          </tr>
        </thead>
        <tbody>
          {queues.map((queue) => (
            <tr key={queue.queue} className="border-b border-slate-200" data-queue={queue.queue}>
              <th scope="row" className="p-2 font-mono text-sm font-normal">
                {queue.queue}
              </th>
              <td className="p-2">{queue.waiting}</td>
              <td className="p-2">{queue.active}</td>
              <td className="p-2">{queue.retrying}</td>
              <td className="p-2">{queue.failed}</td>
              <td className="p-2">{queue.completed}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 className="mt-8 text-lg font-semibold">{t.troubled}</h2>
      {troubled.length === 0 ? (
        <p className="mt-2 text-slate-700" data-testid="no-troubled-jobs">
          {t.nothingFailed}
        </p>
      ) : (
        <table className="mt-2 w-full border-collapse bg-white text-left text-sm">
          <thead>
            <tr className="border-b border-slate-300">
              <th className="p-2">{t.queue}</th>
              <th className="p-2">{t.state}</th>
              <th className="p-2">{t.attempts}</th>
              <th className="p-2">{t.created}</th>
              <th className="p-2">{t.lastError}</th>
              <th className="p-2">
                <span className="sr-only">{t.action}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {troubled.map((job) => (
              <tr key={job.id} className="border-b border-slate-200 align-top">
                <td className="p-2 font-mono">{job.queue}</td>
                <td className="p-2">{job.state === "retry" ? t.stateRetrying : t.stateFailed}</td>
                <td className="p-2">{t.attemptsOf(job.attempts, job.retryLimit + 1)}</td>
                <td className="p-2">{when(job.createdOn)}</td>
                <td className="p-2 break-words">{job.lastError ?? "—"}</td>
                <td className="p-2">
                  {job.state === "failed" ? (
                    <JobRetryButton queue={job.queue} jobId={job.id} locale={staff.locale} />
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </StaffShell>
  );
}
