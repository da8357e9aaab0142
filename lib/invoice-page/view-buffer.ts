import { getDb } from "@/lib/db/client";
import { enqueueJob } from "@/lib/jobs/job-engine";
import { MAX_VIEWS_PER_JOB } from "@/lib/jobs/queues";
import { createLogger } from "@/lib/log";
import type { InvoiceViewRecord } from "./record-invoice-view";

const log = createLogger("invoice-page");

/**
 * Customer views wait here a moment and go to the database as one durable job
 * (invoices.record-views) instead of one job each: at an invoice run's burst of first views, a job
 * per view cost more statements than the page itself. A view is held at most FLUSH_AFTER_MS
 * (or until MAX_VIEWS_PER_JOB are waiting); a process that stops writes what it holds first
 * (server.ts), so only a crash within that moment can lose a view — never a payment or a change.
 * One buffer per process, on globalThis: server.ts and Next's bundle load this module separately.
 */
export const FLUSH_AFTER_MS = 200;

interface Buffer {
  views: InvoiceViewRecord[];
  timer: ReturnType<typeof setTimeout> | null;
  writing: Set<Promise<void>>;
}

const bufferKey = Symbol.for("nota.view-buffer");

function buffer(): Buffer {
  const holder = globalThis as { [bufferKey]?: Buffer };
  holder[bufferKey] ??= { views: [], timer: null, writing: new Set() };
  return holder[bufferKey];
}

/** Holds one view for the next batch. */
export function bufferView(view: InvoiceViewRecord): void {
  const held = buffer();
  held.views.push(view);
  if (held.views.length >= MAX_VIEWS_PER_JOB) {
    void writeHeldViews();
  } else if (!held.timer) {
    held.timer = setTimeout(() => void writeHeldViews(), FLUSH_AFTER_MS);
  }
}

async function writeHeldViews(): Promise<void> {
  const held = buffer();
  if (held.timer) clearTimeout(held.timer);
  held.timer = null;
  const views = held.views.splice(0, MAX_VIEWS_PER_JOB);
  if (held.views.length > 0) held.timer = setTimeout(() => void writeHeldViews(), 0);
  if (views.length === 0) return;
  const writing = (async () => {
    try {
      await enqueueJob(await getDb(), "invoices.record-views", {
        views: views.map((view) => ({ ...view, viewedAt: view.viewedAt.toISOString() })),
      });
    } catch (error) {
      log.error("recording invoice views failed", { views: views.length, error });
    }
  })();
  held.writing.add(writing);
  await writing;
  held.writing.delete(writing);
}

/** Writes every view held now and waits for writes under way (shutdown, tests). */
export async function flushHeldViews(): Promise<void> {
  const held = buffer();
  while (held.views.length > 0) await writeHeldViews();
  await Promise.all([...held.writing]);
}
