import { z } from "zod";

/** One customer view of an invoice page, as a job carries it. */
const VIEW_PAYLOAD = z
  .object({
    invoiceId: z.uuid(),
    organizationId: z.uuid(),
    deviceClass: z.enum(["MOBILE", "TABLET", "DESKTOP", "BOT", "UNKNOWN"]),
    visitorHash: z.string().min(1).max(64),
    viewedAt: z.iso.datetime(),
  })
  .strict();

/** The most views one invoices.record-views job carries. */
export const MAX_VIEWS_PER_JOB = 500;

/**
 * Every kind of background work, as a durable pg-boss queue: its payload (parsed when the job runs,
 * like any input at a boundary), its retry policy and how long one run may take before it counts as
 * lost (a process killed mid-job) and is tried again. Payloads carry ids, never personal text:
 * the handler reads what it needs from the database. A job done for one organisation names it
 * (`organizationId`), so its admins see it in /admin/jobs and no one else's; jobs for the whole
 * system (the overdue run) name none.
 */
export const JOB_QUEUES = {
  /** Moves issued invoices past their (banking-day) due date to OVERDUE; scheduled, and idempotent. */
  "invoices.mark-overdue": {
    payload: z.object({}).strict(),
    options: { retryLimit: 5, retryDelay: 60, retryBackoff: true, expireInSeconds: 15 * 60 },
    // At most one waiting and one running: ticks that pile up while one runs collapse into one.
    policy: "stately" as const,
    schedule: { cron: "7 * * * *", tz: "Europe/Stockholm" },
  },
  /** Emails a support answer to a customer who is not on their invoice page. */
  "chat.reply-email": {
    payload: z.object({ organizationId: z.uuid(), messageId: z.uuid() }).strict(),
    options: { retryLimit: 8, retryDelay: 30, retryBackoff: true, expireInSeconds: 120 },
    policy: "standard" as const,
  },
  /** Emails the customer a credit note issued for their invoice, with a link of its own. */
  "credit-notes.notify": {
    payload: z.object({ organizationId: z.uuid(), creditNoteId: z.uuid() }).strict(),
    options: { retryLimit: 8, retryDelay: 30, retryBackoff: true, expireInSeconds: 120 },
    policy: "standard" as const,
  },
  /** Mails the customer a new link to an invoice (renewed by an agent, or asked for when expired). */
  "invoices.send-link": {
    payload: z
      .object({
        organizationId: z.uuid(),
        invoiceId: z.uuid(),
        reason: z.enum(["renewed", "expired"]),
      })
      .strict(),
    options: { retryLimit: 8, retryDelay: 30, retryBackoff: true, expireInSeconds: 120 },
    policy: "standard" as const,
  },
  /**
   * Records a customer's view of an invoice page (and "opened" on the first one). Pages now write
   * invoices.record-views; this one stays for jobs written before, which it still takes.
   */
  "invoices.record-view": {
    payload: VIEW_PAYLOAD,
    options: { retryLimit: 5, retryDelay: 5, retryBackoff: true, expireInSeconds: 60 },
    policy: "standard" as const,
  },
  /** The views a process's pages saw within a moment, recorded in one transaction. */
  "invoices.record-views": {
    payload: z.object({ views: z.array(VIEW_PAYLOAD).min(1).max(MAX_VIEWS_PER_JOB) }).strict(),
    options: { retryLimit: 5, retryDelay: 5, retryBackoff: true, expireInSeconds: 60 },
    policy: "standard" as const,
  },
  /** One try at delivering one webhook event to one endpoint; the next try is a new job. */
  "webhooks.deliver": {
    payload: z.object({ organizationId: z.uuid(), deliveryId: z.uuid() }).strict(),
    // The Standard Webhooks schedule is the handler's (lib/webhooks/deliver-webhook.ts); these
    // retries only cover a process that died mid-try (the run expires): a duplicate is possible.
    options: { retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 60 },
    policy: "standard" as const,
  },
  /** Sends an issued invoice to its customer by email (with the PDF) or SMS. */
  "invoices.deliver": {
    payload: z.object({ organizationId: z.uuid(), deliveryId: z.uuid() }).strict(),
    options: { retryLimit: 10, retryDelay: 30, retryBackoff: true, expireInSeconds: 120 },
    policy: "standard" as const,
  },
  /** Checks a bank file as a whole, then books its payments or queues them for a person. */
  "bank-files.import": {
    payload: z.object({ organizationId: z.uuid(), bankFileId: z.uuid() }).strict(),
    // A file of 100,000 payments takes a minute or two; payments booked are never booked again,
    // so a retried import goes on where the last one stopped.
    options: { retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 30 * 60 },
    policy: "standard" as const,
  },
  /** Takes the files a bank delivered into DATA_DIR/inbox/bank (by SFTP, say). */
  "bank-files.scan-inbox": {
    payload: z.object({}).strict(),
    options: { retryLimit: 2, retryDelay: 30, retryBackoff: false, expireInSeconds: 10 * 60 },
    policy: "stately" as const,
    schedule: { cron: "* * * * *", tz: "Europe/Stockholm" },
  },
  /**
   * Each morning: asks for one collection run per organisation (collections.run), so one
   * organisation's 100,000 invoices never hold up another's.
   */
  "collections.schedule": {
    payload: z.object({}).strict(),
    options: { retryLimit: 5, retryDelay: 60, retryBackoff: true, expireInSeconds: 5 * 60 },
    policy: "stately" as const,
    schedule: { cron: "15 6 * * *", tz: "Europe/Stockholm" },
  },
  /**
   * Performs the collection steps due today for an organisation's unpaid invoices, or for the
   * ones an event touched (a payment, a credit, a respite, a dispute, a plan): each step once.
   * At most one waiting and one running per organisation and invoice set (the singleton key).
   */
  "collections.run": {
    payload: z
      .object({ organizationId: z.uuid(), invoiceIds: z.array(z.uuid()).max(1000).optional() })
      .strict(),
    options: { retryLimit: 5, retryDelay: 120, retryBackoff: true, expireInSeconds: 30 * 60 },
    policy: "stately" as const,
  },
  /** Sends one collection step's message (email, SMS) or draws its letter to print. */
  "collections.send": {
    payload: z.object({ organizationId: z.uuid(), actionId: z.uuid() }).strict(),
    options: { retryLimit: 10, retryDelay: 30, retryBackoff: true, expireInSeconds: 120 },
    policy: "standard" as const,
  },
  /**
   * Confirms to the customer by email, in their language and with a link of its own, what they
   * chose on their invoice: more time to pay, or a payment plan (its parts and OCR numbers).
   */
  "collections.notify-customer": {
    payload: z
      .object({
        organizationId: z.uuid(),
        invoiceId: z.uuid(),
        kind: z.enum(["respite", "payment-plan"]),
      })
      .strict(),
    options: { retryLimit: 8, retryDelay: 30, retryBackoff: true, expireInSeconds: 120 },
    policy: "standard" as const,
  },
  /**
   * Recomputes the receivables dashboard's figures (lib/receivables): without an organisation,
   * the daily tick asks for one refresh per organisation; with one, its last 180 days of issue
   * days (everything on its first run, or with `full`). At most one waiting and one running per
   * organisation (the singleton key), so asking again meanwhile is a no-op.
   */
  "receivables.refresh": {
    payload: z
      .object({ organizationId: z.uuid().optional(), full: z.boolean().optional() })
      .strict(),
    options: { retryLimit: 3, retryDelay: 300, retryBackoff: true, expireInSeconds: 60 * 60 },
    policy: "stately" as const,
    // After the morning's collection runs (06:15), which refresh the experiments' outcomes.
    schedule: { cron: "40 7 * * *", tz: "Europe/Stockholm" },
  },
  /** Forgets API idempotency answers older than 24 h. */
  "api.prune-idempotency-keys": {
    payload: z.object({}).strict(),
    options: { retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 15 * 60 },
    policy: "stately" as const,
    schedule: { cron: "17 3 * * *", tz: "Europe/Stockholm" },
  },
} as const;

export type QueueName = keyof typeof JOB_QUEUES;
export type JobPayload<Q extends QueueName> = z.input<(typeof JOB_QUEUES)[Q]["payload"]>;
export const QUEUE_NAMES = Object.keys(JOB_QUEUES) as QueueName[];
