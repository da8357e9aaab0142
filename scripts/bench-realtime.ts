import os from "node:os";
import type { Socket } from "socket.io-client";
import { addDays, formatCalendarDate } from "@/lib/dates/calendar-date";
import { openDatabase } from "@/lib/db/database";
import { openChatLoad } from "@/tests/helpers/chat-load";
import { createIssuedInvoice, createOrganizationWithCustomer } from "@/tests/helpers/fixtures";
import { measureIdleSockets } from "@/tests/helpers/idle-sockets";
import { Arrivals, eachLimited, printTable, sleep, summarize } from "@/tests/helpers/latency-stats";
import { type PacedResult, runBurst, runPaced } from "@/tests/helpers/paced-senders";
import {
  connectCustomerTo,
  createScratchSchema,
  newAuthSecret,
  postAgentChange,
  type ServerProcess,
  staffSessionCookie,
  startServerProcess,
} from "@/tests/helpers/server-cluster";
import { createStaffUser } from "@/tests/helpers/staff-fixtures";
import { buildIfNeeded } from "./next-build";

/**
 * `npm run bench:realtime`: two server.ts processes on PostgreSQL + Redis, measured against
 * references taken in the same run (../shared/docs/performance.md): (a) agent edit → visible on
 * every viewer vs a raw broadcast through the same io/adapter (app/bench/broadcast); (b) chat
 * persist + deliver across processes vs a typing relay (same path, no database); (c) idle sockets
 * per process and RSS. One JSON line per figure, then a table. Not a test: never fails for slowness.
 *
 * Env: DATABASE_URL (a scratch schema is made and dropped), REDIS_URL, BENCH_VIEWERS (1000),
 * BENCH_EDIT_INVOICES (20), BENCH_EDITS (100), BENCH_CHAT_SENDERS (600), BENCH_CHAT_RATES
 * (100,600), BENCH_CHAT_SECONDS (15), BENCH_BURST_SENDERS (100), BENCH_IDLE_PER_PROCESS (10000; held by client processes of
 * 4,000 sockets each, so the bench never meets its own open-file limit).
 */
const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const config = {
  databaseUrl: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test",
  redisUrl: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
  viewers: num("BENCH_VIEWERS", 1000),
  editInvoices: num("BENCH_EDIT_INVOICES", 20),
  edits: num("BENCH_EDITS", 100),
  chatSenders: num("BENCH_CHAT_SENDERS", 600),
  /** Steady loads to measure at, in messages per second (= senders at 1/s each). */
  chatRates: (process.env.BENCH_CHAT_RATES ?? "100,600").split(",").map(Number),
  chatSeconds: num("BENCH_CHAT_SECONDS", 15),
  burstSenders: num("BENCH_BURST_SENDERS", 100),
  idlePerProcess: num("BENCH_IDLE_PER_PROCESS", 10_000),
  /** Which parts to run (all by default), to iterate on one of them. */
  phases: new Set((process.env.BENCH_PHASES ?? "idle,edit,chat,burst").split(",")),
  /** Node options for the two server processes only (e.g. --cpu-prof), never for this client. */
  // --expose-gc always: memory is read after a full collection (what sockets hold, not garbage).
  serverNodeArgs: ["--expose-gc", ...(process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ")].filter(
    Boolean,
  ),
};
const figures: Array<Record<string, unknown>> = [];
const print = (figure: Record<string, unknown>) => {
  figures.push(figure);
  console.log(JSON.stringify(figure));
};
const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;

async function main() {
  // The benchmark's own build: the production build plus the raw-broadcast reference route.
  buildIfNeeded({ bench: true });
  const scratch = await createScratchSchema(config.databaseUrl, "nota_bench");
  const database = await openDatabase({ kind: "postgresql", url: scratch.url });
  const servers: ServerProcess[] = [];
  const sockets: Socket[] = [];
  try {
    const db = database.prisma;
    const { organizationId, customerId } = await createOrganizationWithCustomer(db);
    const staff = await createStaffUser(db, organizationId, { name: "Bench Agent" });
    const invoices: Array<{ id: string; accessToken: string }> = [];
    const setUpStarted = performance.now();
    await eachLimited(Array.from({ length: config.editInvoices + config.chatSenders }), 4, () =>
      createIssuedInvoice(db, { organizationId, customerId }).then((i) => void invoices.push(i)),
    );
    const setUpSeconds = Math.round((performance.now() - setUpStarted) / 100) / 10;
    const secret = newAuthSecret();
    const env = {
      DATABASE_URL: scratch.url,
      REDIS_URL: config.redisUrl,
      NEXTAUTH_SECRET: secret,
      NOTA_BENCH_BUILD: "1",
      // Every bench client comes from this one host: the per-address limits would measure themselves.
      SOCKETS_PER_ADDRESS: "0",
      SOCKETS_PER_LINK: "100000",
    };
    // One after the other: two processes creating the job engine's queues at once on a fresh
    // schema can deadlock in pg-boss (40P01) and the second then fails to start.
    servers.push(await startServerProcess(env, config.serverNodeArgs));
    servers.push(await startServerProcess(env, config.serverNodeArgs));
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const cookie = await staffSessionCookie(staff, secret);
    const arrivals = new Arrivals();
    const track = (socket: Socket) => {
      sockets.push(socket);
      return socket;
    };
    print({
      figure: "setup",
      processes: 2,
      machineCores: os.cpus().length,
      database: "postgresql (scratch schema)",
      redis: config.redisUrl,
      invoicesCreated: invoices.length,
      setUpSeconds,
    });

    if (config.phases.has("idle")) {
      // (c) Idle sockets first, on fresh processes, so the RSS growth is theirs alone.
      const idle = await measureIdleSockets({
        servers,
        perProcess: config.idlePerProcess,
        tokenFor: (index) => invoices[index % invoices.length]!.accessToken,
        connect: (server) => connectCustomerTo(server, invoices[0]!.accessToken),
      });
      await idle.close();
      for (const figure of idle.figures) print(figure);
      // Every disconnect broadcasts presence; let that settle before measuring latency.
      await sleep(5000);
    }

    if (config.phases.has("edit")) {
      // (a) Edit → visible: viewers spread over both processes, edits through the API on A.
      const viewed = invoices.slice(0, config.editInvoices);
      const watchers = new Map(viewed.map((invoice) => [invoice.id, 0]));
      await eachLimited(Array.from({ length: config.viewers }), 50, async (_, index) => {
        const invoice = viewed[index % viewed.length]!;
        const viewer = track(await connectCustomerTo(index % 2 ? b : a, invoice.accessToken));
        viewer.on("invoice:changed", (cue: { invoiceId: string; version: number }) =>
          arrivals.record(`edit:${cue.invoiceId}:${cue.version}`),
        );
        viewer.on("bench:broadcast", (cue: { mark: number }) => arrivals.record(`ref:${cue.mark}`));
        watchers.set(invoice.id, watchers.get(invoice.id)! + 1);
      });
      const state = new Map(
        (await db.invoice.findMany({ where: { id: { in: viewed.map((i) => i.id) } } })).map((i) => [
          i.id,
          { version: i.version, dueDate: i.dueDate! },
        ]),
      );
      const timed = async (key: string, invoiceId: string, send: () => Promise<void>) => {
        const started = performance.now();
        const arrived = arrivals.wait(key, watchers.get(invoiceId)!);
        await send();
        return { started, responded: performance.now() - started, times: await arrived };
      };
      const edit = (invoiceId: string) => {
        const current = state.get(invoiceId)!;
        const dueDate = addDays(current.dueDate, 1);
        return timed(`edit:${invoiceId}:${current.version + 1}`, invoiceId, async () => {
          const response = await postAgentChange(a, cookie, invoiceId, {
            action: "respite",
            expectedVersion: current.version,
            dueDate: formatCalendarDate(dueDate),
            reason: "bench: one more day",
          });
          if (response.status !== 200) throw new Error(`edit refused: ${JSON.stringify(response)}`);
          state.set(invoiceId, { version: response.body.version as number, dueDate });
        });
      };
      let mark = 0;
      const broadcast = (invoiceId: string) =>
        timed(`ref:${++mark}`, invoiceId, async () => {
          const response = await fetch(`${a.url}/bench/broadcast`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ invoiceId, mark }),
          });
          if (!response.ok) throw new Error(`reference broadcast refused: ${response.status}`);
        });
      const samples = { edit: [] as number[], editHttp: [] as number[], reference: [] as number[] };
      let missing = 0;
      const warmup = 10;
      for (let round = 0; round < warmup + config.edits; round++) {
        const invoiceId = viewed[round % viewed.length]!.id;
        // Alternating the order keeps drift in the machine's load from favouring either side.
        const pair = round % 2 ? [broadcast, edit] : [edit, broadcast];
        for (const step of pair) {
          const result = await step(invoiceId);
          if (round < warmup) continue;
          missing += watchers.get(invoiceId)! - result.times.length;
          const into = step === edit ? samples.edit : samples.reference;
          into.push(...result.times.map((t) => t - result.started));
          if (step === edit) samples.editHttp.push(result.responded);
        }
      }
      const editLatency = summarize(samples.edit);
      const referenceLatency = summarize(samples.reference);
      const conditions = { viewers: config.viewers, invoices: viewed.length, edits: config.edits };
      print({
        figure: "edit → invoice:changed at every viewer",
        ...editLatency,
        ...conditions,
        missing,
      });
      print({ figure: "edit HTTP response (API on A)", ...summarize(samples.editHttp) });
      print({
        figure: "reference: raw broadcast, same viewers",
        ...referenceLatency,
        ...conditions,
      });
      print({
        figure: "edit vs raw broadcast",
        p50Ratio: ratio(editLatency.p50, referenceLatency.p50),
        p99Ratio: ratio(editLatency.p99, referenceLatency.p99),
        goalP99Ms: 100,
      });
      for (const socket of sockets.splice(0)) socket.disconnect();
      await sleep(3000);
    }

    // (b) Chat: customers on B write, agents on A (20 invoices open each) receive.
    const load = await openChatLoad({
      writing: b,
      reading: a,
      cookie,
      invoices: invoices.slice(config.editInvoices),
      arrivals,
    });
    const perSecond = (count: number, seconds: number) => Math.round(count / seconds);
    const pacedFigure = (figure: string, result: PacedResult, rate: number) => ({
      figure,
      ...summarize(result.delivered),
      ackP99: summarize(result.acknowledged).p99,
      deliveredPerSecond: perSecond(result.delivered.length, result.windowSeconds),
      offeredPerSecond: rate,
      refused: result.refused,
      refusedAs: JSON.stringify(result.codes),
      lost: result.lost,
    });
    for (const rate of config.phases.has("chat") ? config.chatRates : []) {
      const paced = {
        senders: load.senders.slice(0, rate),
        arrivals,
        warmupSeconds: 3,
        seconds: config.chatSeconds,
      };
      const chat = await runPaced({ ...paced, traffic: load.chat(`paced${rate}`) });
      const typing = await runPaced({ ...paced, traffic: load.typing() });
      print(pacedFigure(`chat persist + deliver B → A, ${rate}/s steady`, chat, rate));
      print(pacedFigure(`reference: typing relay B → A, ${rate}/s steady`, typing, rate));
      print({
        figure: `chat vs typing relay, ${rate}/s steady`,
        p99Ratio: ratio(summarize(chat.delivered).p99, summarize(typing.delivered).p99),
        throughputRatio: ratio(chat.delivered.length, typing.delivered.length),
        goalP99Ms: 50,
        goalMessagesPerSecondPerProcess: 2000,
      });
    }
    if (config.phases.has("burst")) {
      const burst = { senders: load.senders.slice(0, config.burstSenders), arrivals, perSender: 8 };
      const chatBurst = await runBurst({ ...burst, traffic: load.chat("burst") });
      await sleep(1000);
      const typingBurst = await runBurst({ ...burst, traffic: load.typing() });
      const burstFigure = (figure: string, result: typeof chatBurst) => ({
        figure,
        ...summarize(result.delivered),
        completedPerSecond: perSecond(result.completed, result.elapsedMs / 1000),
        completed: result.completed,
        failed: result.refused,
        failedAs: JSON.stringify(result.codes),
        senders: burst.senders.length,
      });
      print(burstFigure("chat burst: 8 messages per sender at once", chatBurst));
      print(burstFigure("reference: typing burst, 8 per sender", typingBurst));
      print({
        figure: "chat vs typing burst",
        throughputRatio: ratio(
          chatBurst.completed / chatBurst.elapsedMs,
          typingBurst.completed / typingBurst.elapsedMs,
        ),
      });
    }
    load.close();
    printTable(figures);
  } finally {
    for (const socket of sockets) socket.disconnect();
    await Promise.all(servers.map((server) => server.stop()));
    await database.close();
    await scratch.drop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
