import fc from "fast-check";

/**
 * Generators of hostile socket traffic for lib/realtime/socket-fuzz.test.ts. Every text a fuzzer
 * writes carries FUZZ_MARK, so the test can search everything an observer received for it.
 */
export const FUZZ_MARK = "fuzzmark";

export const CUSTOMER_EVENTS = ["chat:send", "chat:typing", "chat:seen", "chat:sync"] as const;
export const STAFF_EVENTS = [...CUSTOMER_EVENTS, "invoice:watch", "invoice:unwatch"] as const;

export type FuzzAction =
  | { kind: "emit"; event: string | number; args: unknown[]; ack: boolean }
  /** A socket.io packet written straight to the engine, bypassing the client's own checks. */
  | { kind: "raw"; data: string | Uint8Array };

/** Nested arrays or objects, `depth` levels deep: parsers and validators must not recurse on it. */
function nest(depth: number, asArray: boolean): unknown {
  let value: unknown = FUZZ_MARK;
  for (let level = 0; level < depth; level++) value = asArray ? [value] : { a: value };
  return value;
}

// JSON.parse makes "__proto__" an own key, exactly as the server's parser will see it.
const POLLUTING_JSON = [
  `{"__proto__":{"polluted":"${FUZZ_MARK}","kind":"NOTE"},"body":"${FUZZ_MARK} proto"}`,
  `{"constructor":{"prototype":{"polluted":"${FUZZ_MARK}"}},"body":"${FUZZ_MARK} ctor"}`,
  `{"body":{"__proto__":{"toString":"${FUZZ_MARK}"}},"typing":{"__proto__":{"valueOf":1}}}`,
  `{"__proto__":{"invoiceId":"x","afterSeq":0,"seq":0,"read":true,"typing":true}}`,
  `{"hasOwnProperty":"${FUZZ_MARK}","toString":"${FUZZ_MARK}","valueOf":null}`,
];

/** Lengths around the limits: message (2,000), schema (20,000), maxHttpBufferSize (64 KiB). */
const hugeText = fc
  .constantFrom(2_001, 20_001, 60_000, 65_400, 66_000, 120_000)
  .map((length) => `${FUZZ_MARK}${"x".repeat(length)}`);

const text = fc.oneof(
  { weight: 6, arbitrary: fc.string({ maxLength: 60 }).map((s) => `${FUZZ_MARK} ${s}`) },
  {
    weight: 3,
    arbitrary: fc.string({ unit: "binary", maxLength: 80 }).map((s) => `${FUZZ_MARK}${s}`),
  },
  { weight: 1, arbitrary: fc.constantFrom("", "   ", "\u0000", "\u007f", "\n\t", "\uD800") },
  { weight: 1, arbitrary: fc.oneof(fc.constant(undefined), hugeText) },
);

// The client's encoder recurses, so deeper structures than this are written as raw packets.
const deep = fc
  .tuple(fc.integer({ min: 20, max: 300 }), fc.boolean())
  .map(([depth, asArray]) => nest(depth, asArray));

/** A packet nested far deeper than any client would encode (the server must parse it safely). */
const deepRaw = fc
  .tuple(fc.constantFrom(...STAFF_EVENTS), fc.integer({ min: 1_000, max: 30_000 }))
  .map(([name, depth]) => `2["${name}",${"[".repeat(depth)}"${FUZZ_MARK}"${"]".repeat(depth)}]`);

const polluting = fc.constantFrom(...POLLUTING_JSON).map((json) => JSON.parse(json) as unknown);

// Oversized frames end the connection, so they are rare enough to let most events through.
const binary = fc.oneof(
  { weight: 15, arbitrary: fc.uint8Array({ maxLength: 2_048 }) },
  { weight: 1, arbitrary: fc.constant(new Uint8Array(70_000)) },
);

/** Anything at all: wrong types, boxed values, maps, typed arrays, sparse arrays, dates … */
const junk: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.anything({
      maxDepth: 3,
      maxKeys: 5,
      withBoxedValues: true,
      withMap: true,
      withSet: true,
      withDate: true,
      withTypedArray: true,
      withSparseArray: true,
      withNullPrototype: true,
      withObjectString: true,
    }),
  },
  { weight: 1, arbitrary: deep },
  { weight: 1, arbitrary: polluting },
  { weight: 1, arbitrary: binary },
  { weight: 1, arbitrary: text },
);

const seq = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 60 }) },
  { weight: 2, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  {
    weight: 1,
    arbitrary: fc.constantFrom(-1, 2_000_000_000, 2_000_000_001, Number.MAX_SAFE_INTEGER, 1e308),
  },
  { weight: 1, arbitrary: junk },
);

const clientMessageId = fc.oneof(
  { weight: 3, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{8,64}$/) },
  { weight: 2, arbitrary: fc.string({ maxLength: 120 }) },
  { weight: 1, arbitrary: junk },
);

/** Event names nobody registered, and names that mean something to objects or emitters. */
const unknownEvent = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    "room:join",
    "chat:send ",
    "CHAT:SEND",
    "__proto__",
    "constructor",
    "hasOwnProperty",
    "toString",
    "error",
    "invoice:changed",
    "presence",
  ),
  fc.integer(),
);

/** Payloads for one side's events: mostly near-valid shapes with one thing wrong, or junk. */
function payloadFor(side: "customer" | "staff", invoiceIds: fc.Arbitrary<unknown>) {
  const fields = {
    body: fc.oneof({ weight: 4, arbitrary: text }, { weight: 1, arbitrary: junk }),
    clientMessageId,
    typing: fc.oneof({ weight: 3, arbitrary: fc.boolean() }, { weight: 1, arbitrary: junk }),
    seq,
    afterSeq: seq,
    read: fc.oneof({ weight: 3, arbitrary: fc.boolean() }, { weight: 1, arbitrary: junk }),
    kind: fc.oneof(fc.constantFrom("MESSAGE", "NOTE", "SYSTEM", "note"), junk),
    // A customer names no invoice; one it names anyway must be ignored.
    invoiceId: invoiceIds,
    room: fc.constantFrom("org:x", "invoice-staff:x"),
  };
  const shaped = fc.record(fields, {
    requiredKeys: side === "staff" ? ["invoiceId"] : [],
  });
  return fc.oneof(
    { weight: 6, arbitrary: shaped },
    { weight: 3, arbitrary: junk },
    {
      weight: 1,
      arbitrary: fc.tuple(shaped, polluting).map(([a, b]) => Object.assign(b as object, a)),
    },
  );
}

/** Packets written below the client: reserved event names, bad JSON, stray acks, re-connects. */
const rawPacket: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.uint8Array({ maxLength: 64 }),
  deepRaw,
  fc
    .tuple(fc.constantFrom("connect", "disconnect", "disconnecting", "newListener", "error"), junk)
    .map(([name, payload]) => `2${JSON.stringify([name, payload])}`),
  fc
    .tuple(fc.integer({ min: 900_000 }), junk)
    .map(([id, data]) => `3${id}${JSON.stringify([data])}`),
  fc
    .tuple(fc.constantFrom(...STAFF_EVENTS), fc.integer({ min: 900_000 }))
    .map(([name, id]) => `2${id}["${name}",{"body":"${FUZZ_MARK} raw"`),
  fc.constantFrom(
    '0{"invoiceToken":123}',
    "0/admin,",
    '2["chat:send"',
    "2{}",
    "2[]",
    "2[null]",
    '51-["chat:send",{"_placeholder":true,"num":7}]',
    '2/other,["chat:send",{}]',
  ),
);

export function fuzzActions(
  side: "customer" | "staff",
  invoiceIds: { mine: string; others: string[] },
) {
  const ids = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(invoiceIds.mine, ...invoiceIds.others) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 1, arbitrary: junk },
  );
  const own = side === "customer" ? CUSTOMER_EVENTS : STAFF_EVENTS;
  const event = fc.oneof(
    { weight: 14, arbitrary: fc.constantFrom<string | number>(...own) },
    { weight: 1, arbitrary: fc.constantFrom<string | number>(...STAFF_EVENTS) },
    { weight: 3, arbitrary: unknownEvent },
  );
  const payload = payloadFor(side, ids);
  const emit: fc.Arbitrary<FuzzAction> = fc
    .record({
      event,
      args: fc.oneof(
        { weight: 10, arbitrary: payload.map((p) => [p]) },
        { weight: 1, arbitrary: fc.constant<unknown[]>([]) },
        { weight: 1, arbitrary: fc.tuple(payload, junk, junk).map((args): unknown[] => args) },
      ),
      ack: fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, fc.constant(false)),
    })
    .map((action) => ({ kind: "emit", ...action }));
  return fc.oneof(
    { weight: 30, arbitrary: emit },
    { weight: 1, arbitrary: rawPacket.map((data): FuzzAction => ({ kind: "raw", data })) },
  );
}
