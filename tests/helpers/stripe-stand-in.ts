import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type Stripe from "stripe";
import { createStripeClient } from "@/lib/payments/stripe-provider";

/**
 * A local stand-in for the few Stripe endpoints Nota calls, for the real SDK to talk to over HTTP
 * (there is no stripe-mock here). It keeps the parts of Stripe's behaviour our code relies on:
 * form-encoded bodies, Stripe's error JSON, and idempotency keys — the same key answers with the
 * same response and creates nothing new, and a key still in flight answers 409 as Stripe does.
 * Every request is recorded for assertions; outages, lost answers and slowness are simulated.
 */

export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type FormParams = { [key: string]: FormValue };

export interface RecordedRequest {
  method: string;
  path: string;
  /** Lower-cased header names, as node gives them. */
  headers: Record<string, string>;
  idempotencyKey: string | null;
  authorization: string | null;
  params: FormParams;
  /** Set once answered: the status (0: connection dropped) and body, and whether replayed. */
  status?: number;
  response?: Record<string, unknown>;
  replayed?: boolean;
}

type Answer = { status: number; body: Record<string, unknown> };
type Intent = Record<string, unknown> & { id: string; amount: number; status: string };
type Refund = Record<string, unknown> & { id: string; amount: number; status: string };

export interface StripeStandIn {
  port: number;
  requests: RecordedRequest[];
  /** Answers the next n requests with this status (Infinity: until recover()). */
  failNext(n: number, status?: 500 | 502 | 503 | 409): void;
  /** Handles the next n requests (replays included), then drops the connection unanswered. */
  dropNext(n: number): void;
  /** Slows every answer down by this many milliseconds. */
  delayMs: number;
  /** Back to normal: no failures, no drops, no delay. */
  recover(): void;
  paymentIntentCount(): number;
  /** What the customer confirming the payment does: the PaymentIntent succeeds in full. */
  succeedPaymentIntent(id: string): Stripe.PaymentIntent;
  /**
   * What the customer's browser does with the client secret it was handed (Stripe.js confirming
   * the Payment Element): the PaymentIntent succeeds — unless it was cancelled, which Stripe
   * refuses (payment_intent_unexpected_state), so a cancelled payment can never take money.
   */
  confirmWithClientSecret(clientSecret: string): Stripe.PaymentIntent;
  /** The PaymentIntent's charge as charge.refunded carries it (optionally without the list). */
  chargeFor(id: string, options?: { withRefundList?: boolean }): Stripe.Charge;
  /** The status new refunds are created with (Stripe: most card refunds succeed at once). */
  refundStatus: "succeeded" | "pending" | "failed";
  /** A refund's status moves on at Stripe (as refund.updated / refund.failed then carry it). */
  setRefundStatus(
    refundId: string,
    status: "succeeded" | "pending" | "failed" | "canceled",
    failureReason?: string,
  ): Stripe.Refund;
  close(): Promise<void>;
}

/** What a refund holds of its payment: nothing once it failed or was cancelled. */
const heldBy = (refund: Refund) =>
  refund.status === "failed" || refund.status === "canceled" ? 0 : refund.amount;

const randomId = (prefix: string) => `${prefix}_${randomBytes(12).toString("hex")}`;
const unixNow = () => Math.floor(Date.now() / 1000);

/** `metadata[attempt_id]=x&types[0]=card` → `{ metadata: { attempt_id: "x" }, types: ["card"] }`. */
export function parseStripeForm(body: string): FormParams {
  const root: FormParams = {};
  for (const [name, value] of new URLSearchParams(body)) {
    const keys = name.replace(/\]/g, "").split("[");
    let node: Record<string, FormValue> = root;
    keys.forEach((key, index) => {
      const next = keys[index + 1];
      if (next === undefined) {
        node[key] = value;
        return;
      }
      node[key] ??= /^\d+$/.test(next) ? [] : {};
      node = node[key] as Record<string, FormValue>;
    });
  }
  return root;
}

function stripeError(status: number, message: string, code?: string, type?: string): Answer {
  const error = { type: type ?? "invalid_request_error", message, ...(code ? { code } : {}) };
  return { status, body: { error } };
}

export async function startStripeStandIn(
  options: { delayMs?: number } = {},
): Promise<StripeStandIn> {
  const requests: RecordedRequest[] = [];
  const intents = new Map<string, { intent: Intent; chargeId: string; refunds: Refund[] }>();
  const answered = new Map<string, Answer & { fingerprint: string }>();
  const inFlight = new Set<string>();
  let failures = { remaining: 0, status: 503 };
  let drops = 0;

  function handle(method: string, path: string, params: FormParams): Answer {
    const intentPath = path.match(/^\/v1\/payment_intents\/([^/]+)(\/cancel)?$/);
    if (method === "POST" && path === "/v1/payment_intents") return createIntent(params);
    if (intentPath && method === "GET" && !intentPath[2]) return withIntent(intentPath[1]!);
    if (intentPath && method === "POST" && intentPath[2]) return cancelIntent(intentPath[1]!);
    if (method === "POST" && path === "/v1/refunds") return createRefund(params);
    if (method === "GET" && path === "/v1/refunds") return listRefunds(params);
    return stripeError(404, `Unrecognized request URL (${method}: ${path}).`);
  }

  function withIntent(
    id: string,
    then?: (state: NonNullable<ReturnType<typeof intents.get>>) => Answer,
  ) {
    const state = intents.get(id);
    if (!state) return stripeError(404, `No such payment_intent: '${id}'`, "resource_missing");
    return then ? then(state) : { status: 200, body: state.intent };
  }

  function createIntent(params: FormParams): Answer {
    const amount = Number(params.amount);
    if (!Number.isSafeInteger(amount) || amount < 1) {
      return stripeError(400, "Invalid integer: amount", "parameter_invalid_integer");
    }
    if (typeof params.currency !== "string") {
      return stripeError(400, "Missing required param: currency.", "parameter_missing");
    }
    const id = randomId("pi");
    const intent: Intent = {
      id,
      object: "payment_intent",
      amount,
      amount_received: 0,
      currency: params.currency,
      status: "requires_payment_method",
      client_secret: `${id}_secret_${randomBytes(12).toString("hex")}`,
      allowed_payment_method_types: params.allowed_payment_method_types ?? ["card"],
      description: params.description ?? null,
      metadata: params.metadata ?? {},
      latest_charge: null,
      last_payment_error: null,
      livemode: false,
      created: unixNow(),
    };
    intents.set(id, { intent, chargeId: randomId("ch"), refunds: [] });
    return { status: 200, body: intent };
  }

  const cancelIntent = (id: string) =>
    withIntent(id, ({ intent }) => {
      if (intent.status === "succeeded") {
        return stripeError(400, "It has already succeeded.", "payment_intent_unexpected_state");
      }
      Object.assign(intent, { status: "canceled", cancellation_reason: "requested_by_customer" });
      return { status: 200, body: intent };
    });

  const createRefund = (params: FormParams) =>
    withIntent(String(params.payment_intent ?? ""), ({ intent, chargeId, refunds }) => {
      if (intent.status !== "succeeded") {
        return stripeError(400, "No successful charge to refund.", "charge_not_refundable");
      }
      // A failed or cancelled refund gave its amount back: it can be refunded again.
      const refundable = intent.amount - refunds.reduce((sum, r) => sum + heldBy(r), 0);
      const amount = params.amount === undefined ? refundable : Number(params.amount);
      if (!Number.isSafeInteger(amount) || amount < 1 || amount > refundable) {
        return stripeError(400, `Refund ${amount} exceeds ${refundable}.`, "amount_too_large");
      }
      const refund: Refund = {
        id: randomId("re"),
        object: "refund",
        amount,
        currency: intent.currency,
        payment_intent: intent.id,
        charge: chargeId,
        status: standIn.refundStatus,
        failure_reason: standIn.refundStatus === "failed" ? "expired_or_canceled_card" : null,
        reason: params.reason ?? null,
        metadata: params.metadata ?? {},
        created: unixNow(),
      };
      refunds.push(refund);
      return { status: 200, body: refund };
    });

  /** GET /v1/refunds?payment_intent=…&limit=…&starting_after=…, newest first as Stripe lists. */
  const listRefunds = (params: FormParams) =>
    withIntent(String(params.payment_intent ?? ""), ({ refunds }) => {
      const limit = Math.min(Number(params.limit ?? 10), 100);
      const newestFirst = [...refunds].reverse();
      const after = params.starting_after
        ? newestFirst.findIndex((r) => r.id === params.starting_after) + 1
        : 0;
      const data = newestFirst.slice(after, after + limit);
      return {
        status: 200,
        body: {
          object: "list",
          data,
          has_more: after + limit < newestFirst.length,
          url: "/v1/refunds",
        },
      };
    });

  async function serve(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://stand-in");
    let body = "";
    for await (const chunk of req) body += chunk;
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
    const key = headers["idempotency-key"] ?? null;
    const recorded: RecordedRequest = {
      method: req.method ?? "GET",
      path: url.pathname,
      headers,
      idempotencyKey: key,
      authorization: headers.authorization ?? null,
      params: parseStripeForm(req.method === "GET" ? url.search.slice(1) : body),
    };
    requests.push(recorded);
    const pause = () => new Promise((resolve) => setTimeout(resolve, standIn.delayMs));
    const send = ({ status, body: payload }: Answer, extra: Record<string, string> = {}) => {
      if (drops > 0) {
        // Handled (and stored for its key), but the answer never reaches the caller.
        drops -= 1;
        recorded.status = 0;
        res.socket?.destroy();
        return;
      }
      Object.assign(recorded, { status, response: payload });
      res.writeHead(status, {
        "content-type": "application/json",
        "request-id": randomId("req"),
        ...extra,
      });
      res.end(JSON.stringify(payload));
    };

    if (!recorded.authorization?.startsWith("Bearer sk_")) {
      return send(stripeError(401, "Invalid API key.", undefined, "authentication_error"));
    }
    if (failures.remaining > 0) {
      failures.remaining -= 1;
      await pause();
      return send(stripeError(failures.status, "Simulated Stripe outage", undefined, "api_error"));
    }
    // Stripe ties a key to one request: the same key with other parameters is refused.
    const fingerprint = `${recorded.method} ${recorded.path} ${body}`;
    const stored = key ? answered.get(key) : undefined;
    if (stored) {
      await pause();
      if (stored.fingerprint !== fingerprint) {
        const reused = "Keys can only be reused with the same parameters.";
        return send(stripeError(400, reused, undefined, "idempotency_error"));
      }
      recorded.replayed = true;
      return send(stored, { "idempotent-replayed": "true" });
    }
    if (key && inFlight.has(key)) {
      const busy = "Another request with this key is in progress.";
      return send(stripeError(409, busy, "idempotency_key_in_use"));
    }
    if (key) inFlight.add(key);
    try {
      await pause();
      const answer = handle(recorded.method, recorded.path, recorded.params);
      if (key) answered.set(key, { fingerprint, ...answer });
      return send(answer);
    } finally {
      if (key) inFlight.delete(key);
    }
  }

  const server = createServer((req, res) => {
    serve(req, res).catch((error: unknown) => {
      res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { type: "api_error", message: String(error) } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));

  const stateOf = (id: string) => {
    const state = intents.get(id);
    if (!state) throw new Error(`stand-in: no PaymentIntent ${id}`);
    return state;
  };
  const standIn: StripeStandIn = {
    port: (server.address() as AddressInfo).port,
    requests,
    delayMs: options.delayMs ?? 0,
    failNext(n, status = 503) {
      failures = { remaining: n, status };
    },
    dropNext(n) {
      drops = n;
    },
    recover() {
      failures = { remaining: 0, status: 503 };
      drops = 0;
      standIn.delayMs = 0;
      standIn.refundStatus = "succeeded";
    },
    paymentIntentCount: () => intents.size,
    refundStatus: "succeeded",
    setRefundStatus(refundId, status, failureReason) {
      const refund = [...intents.values()]
        .flatMap((state) => state.refunds)
        .find((r) => r.id === refundId);
      if (!refund) throw new Error(`stand-in: no refund ${refundId}`);
      Object.assign(refund, {
        status,
        failure_reason: status === "failed" ? (failureReason ?? "lost_or_stolen_card") : null,
      });
      return structuredClone(refund) as unknown as Stripe.Refund;
    },
    succeedPaymentIntent(id) {
      const { intent, chargeId } = stateOf(id);
      Object.assign(intent, {
        status: "succeeded",
        amount_received: intent.amount,
        latest_charge: chargeId,
      });
      return structuredClone(intent) as unknown as Stripe.PaymentIntent;
    },
    confirmWithClientSecret(clientSecret) {
      const state = [...intents.values()].find((s) => s.intent.client_secret === clientSecret);
      if (!state) throw new Error("stand-in: no PaymentIntent has that client secret");
      if (state.intent.status === "canceled") {
        throw new Error(
          `stand-in: PaymentIntent ${state.intent.id} is canceled and cannot be paid`,
        );
      }
      return standIn.succeedPaymentIntent(state.intent.id);
    },
    chargeFor(id, { withRefundList = true } = {}) {
      const { intent, chargeId, refunds } = stateOf(id);
      const refunded = refunds.reduce((sum, refund) => sum + heldBy(refund), 0);
      const list = {
        object: "list",
        data: refunds,
        has_more: false,
        url: `/v1/charges/${chargeId}/refunds`,
      };
      return structuredClone({
        id: chargeId,
        object: "charge",
        amount: intent.amount,
        amount_captured: intent.amount,
        amount_refunded: refunded,
        refunded: refunded === intent.amount,
        currency: intent.currency,
        payment_intent: id,
        status: "succeeded",
        created: unixNow(),
        ...(withRefundList ? { refunds: list } : {}),
      }) as unknown as Stripe.Charge;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((e) => (e ? reject(e) : resolve())),
      );
    },
  };
  return standIn;
}

/** The real SDK, configured as production configures it, pointed at the stand-in. */
export function createStandInClient(standIn: Pick<StripeStandIn, "port">): Stripe {
  return createStripeClient({
    secretKey: "sk_test_nota",
    host: "127.0.0.1",
    port: standIn.port,
    protocol: "http",
  });
}

/** A Stripe event around an object, as a webhook delivers it (sign its JSON before sending). */
export function stripeEvent(
  type: string,
  object: Stripe.PaymentIntent | Stripe.Charge | Stripe.Refund | Record<string, unknown>,
  options: { id?: string; created?: number } = {},
): Stripe.Event {
  return {
    id: options.id ?? randomId("evt"),
    object: "event",
    api_version: "2025-12-15.clover",
    created: options.created ?? unixNow(),
    type,
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
  } as unknown as Stripe.Event;
}
