import type { Metadata } from "next";
import Link from "next/link";
import { JobRetryButton } from "@/components/admin/job-retry-button";
import { Forbidden, StaffShell } from "@/components/staff/staff-shell";
import { CONSOLE_ROLES } from "@/lib/auth/require-staff";
import { requireStaffPage } from "@/lib/auth/staff-page";
import { getJobEngine } from "@/lib/jobs/job-engine";
import { listTroubledJobs, loadQueueStatus } from "@/lib/jobs/job-status";

export const metadata: Metadata = { title: "Background jobs" };
export const dynamic = "force-dynamic";

const when = (date: Date | null) =>
  date ? date.toLocaleString("sv-SE", { timeZone: "Europe/Stockholm" }) : "—";

/** The organisation's background work: queues, and the jobs that failed or are being retried. */
export default async function JobsPage() {
  const access = await requireStaffPage(CONSOLE_ROLES.admin, "/admin/jobs");
  if (access.forbidden) return <Forbidden staff={access.staff} />;
  const { staff } = access;
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
          Admin
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">Background jobs</h1>
      <p className="mt-1 text-slate-700">
        Work done outside a request, as durable jobs in the database: each runs once across all
        processes and is retried when it fails. Jobs of {staff.organizationName} and of the whole
        system are shown.
      </p>
      {!engine ? (
        <p className="mt-4 rounded bg-amber-100 p-3" role="status">
          The job engine is not running in this process.
        </p>
      ) : null}
      <table className="mt-4 w-full border-collapse bg-white text-left" data-testid="job-queues">
        <caption className="sr-only">Queues</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th className="p-2">Queue</th>
            <th className="p-2">Waiting</th>
            <th className="p-2">Running</th>
            <th className="p-2">Retrying</th>
            <th className="p-2">Failed</th>
            <th className="p-2">Done</th>
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
      <h2 className="mt-8 text-lg font-semibold">Failed and retrying</h2>
      {troubled.length === 0 ? (
        <p className="mt-2 text-slate-700" data-testid="no-troubled-jobs">
          Nothing has failed.
        </p>
      ) : (
        <table className="mt-2 w-full border-collapse bg-white text-left text-sm">
          <thead>
            <tr className="border-b border-slate-300">
              <th className="p-2">Queue</th>
              <th className="p-2">State</th>
              <th className="p-2">Attempts</th>
              <th className="p-2">Created</th>
              <th className="p-2">Last error</th>
              <th className="p-2">
                <span className="sr-only">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {troubled.map((job) => (
              <tr key={job.id} className="border-b border-slate-200 align-top">
                <td className="p-2 font-mono">{job.queue}</td>
                <td className="p-2">{job.state === "retry" ? "retrying" : "failed"}</td>
                <td className="p-2">
                  {job.attempts} of {job.retryLimit + 1}
                </td>
                <td className="p-2">{when(job.createdOn)}</td>
                <td className="p-2 break-words">{job.lastError ?? "—"}</td>
                <td className="p-2">
                  {job.state === "failed" ? (
                    <JobRetryButton queue={job.queue} jobId={job.id} />
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
