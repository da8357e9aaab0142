import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { SIGN_IN_LIMITS, verifyStaffSignIn } from "@/lib/auth/staff-sign-in";
import { AppError } from "@/lib/errors/app-error";
import { hitRateLimit, peekRateLimit } from "@/lib/rate-limit/rate-limit";
import { createOrganization } from "@/tests/helpers/fixtures";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

describe("hashPassword and verifyPassword", () => {
  it("accepts the right password and refuses a wrong one", async () => {
    const hash = await hashPassword("korrekt häst batteri häftklammer");
    expect(await verifyPassword("korrekt häst batteri häftklammer", hash)).toBe(true);
    expect(await verifyPassword("korrekt häst batteri häftklammeR", hash)).toBe(false);
    expect(await verifyPassword("", hash)).toBe(false);
  });

  it("stores scrypt parameters, a salt and the key, and salts every hash differently", async () => {
    const [a, b] = await Promise.all([
      hashPassword("hemligt-lösen"),
      hashPassword("hemligt-lösen"),
    ]);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{86}$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain("hemligt");
    expect(await verifyPassword("hemligt-lösen", b)).toBe(true);
  });

  it("normalises Unicode so the same password typed differently still matches", async () => {
    const composed = "smörgås"; // ö and å as single code points
    const decomposed = composed.normalize("NFD");
    expect(decomposed).not.toBe(composed);
    expect(await verifyPassword(decomposed, await hashPassword(composed))).toBe(true);
  });

  it("refuses a tampered or malformed hash", async () => {
    const hash = await hashPassword("hemligt-lösen");
    const parts = hash.split("$");
    const key = parts[5] ?? "";
    const flipped = `${key.slice(0, 10)}${key[10] === "A" ? "B" : "A"}${key.slice(11)}`;
    const tampered = [...parts.slice(0, 5), flipped].join("$");
    expect(await verifyPassword("hemligt-lösen", tampered)).toBe(false);
    expect(
      await verifyPassword(
        "hemligt-lösen",
        [parts[0], parts[1], parts[2], parts[3], "c2FsdA", key].join("$"),
      ),
    ).toBe(false);
    expect(
      await verifyPassword("hemligt-lösen", [...parts.slice(0, 5), key.slice(0, 40)].join("$")),
    ).toBe(false);
    expect(await verifyPassword("hemligt-lösen", hash.replace(/^scrypt/, "bcrypt"))).toBe(false);
    expect(await verifyPassword("hemligt-lösen", "")).toBe(false);
  });
});

describe(`staff sign-in and rate limits (${process.env.TEST_DATABASE_URL ? "postgresql" : "pglite"})`, () => {
  let db: TestDatabase;
  let organizationId: string;
  const PASSWORD = "rätt-lösenord-för-test";
  let passwordHash: string;
  beforeAll(async () => {
    db = await createTestDatabase();
    organizationId = (await createOrganization(db.prisma)).id;
    passwordHash = await hashPassword(PASSWORD);
  });
  afterAll(async () => db?.close());

  async function createStaff(overrides: { disabledAt?: Date } = {}) {
    return db.prisma.staffUser.create({
      data: {
        organizationId,
        email: `agent.${randomUUID().slice(0, 8)}@example.se`,
        name: "Agda Agent",
        passwordHash,
        role: "AGENT",
        ...overrides,
      },
    });
  }
  /** Each attempt comes from its own client address unless told. */
  const signIn = (credentials: unknown, clientKey: string = randomUUID()) =>
    verifyStaffSignIn({ db: db.prisma, credentials, clientKey });
  async function failure(attempt: Promise<unknown>): Promise<AppError> {
    const error = await attempt.then(
      () => new Error("expected the sign-in to fail"),
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }

  it("returns the staff identity, without the password hash, and notes the sign-in", async () => {
    const staff = await createStaff();

    const identity = await signIn({ email: `  ${staff.email.toUpperCase()} `, password: PASSWORD });

    expect(identity).toEqual({
      id: staff.id,
      email: staff.email,
      name: "Agda Agent",
      role: "AGENT",
      organizationId,
    });
    expect(JSON.stringify(identity)).not.toContain("scrypt");
    const stored = await db.prisma.staffUser.findUniqueOrThrow({ where: { id: staff.id } });
    expect(stored.lastSignInAt).toBeInstanceOf(Date);
  });

  it("fails a wrong password, an unknown email, bad input and a disabled user in exactly the same way", async () => {
    const staff = await createStaff();
    const disabled = await createStaff({ disabledAt: new Date() });

    const errors = [
      await failure(signIn({ email: staff.email, password: "fel-lösenord" })),
      await failure(signIn({ email: `okand.${randomUUID()}@example.se`, password: PASSWORD })),
      await failure(signIn({ email: "inte-en-adress", password: PASSWORD })),
      await failure(signIn({ email: staff.email, password: "" })),
      await failure(signIn(null)),
      await failure(signIn({ email: disabled.email, password: PASSWORD })),
    ];

    for (const error of errors) {
      expect(error).toMatchObject({ code: "UNAUTHENTICATED", message: "Wrong email or password" });
      expect(error.details).toBeUndefined();
    }
    expect(
      (await db.prisma.staffUser.findUniqueOrThrow({ where: { id: disabled.id } })).lastSignInAt,
    ).toBeNull();
  });

  it("locks an account from an address after 5 failures there: the 6th is refused even with the right password", async () => {
    const staff = await createStaff();
    const attacker = `198.51.100.7-${randomUUID()}`;
    for (let attempt = 1; attempt <= SIGN_IN_LIMITS.perEmailAndClient.limit; attempt++) {
      expect(
        (await failure(signIn({ email: staff.email, password: `fel-${attempt}` }, attacker))).code,
      ).toBe("UNAUTHENTICATED");
    }

    const locked = await failure(signIn({ email: staff.email, password: PASSWORD }, attacker));

    expect(locked.code).toBe("RATE_LIMITED");
    expect(locked.message).toMatch(/Try again in 15 minutes/);
    expect(
      (await db.prisma.staffUser.findUniqueOrThrow({ where: { id: staff.id } })).lastSignInAt,
    ).toBeNull();
    // Another account is not affected.
    const colleague = await createStaff();
    await expect(signIn({ email: colleague.email, password: PASSWORD })).resolves.toMatchObject({
      id: colleague.id,
    });
  });

  it("lets the right password in from the owner's own address while a stranger is locked out", async () => {
    const staff = await createStaff();
    const office = `office-${randomUUID()}`;
    // Reproduction: 5 wrong passwords from anywhere used to lock the account for everyone.
    for (const stranger of [1, 2, 3]) {
      const address = `stranger-${stranger}-${randomUUID()}`;
      for (let attempt = 0; attempt <= SIGN_IN_LIMITS.perEmailAndClient.limit; attempt++) {
        await failure(signIn({ email: staff.email, password: "gissning" }, address));
      }
    }
    await expect(signIn({ email: staff.email, password: PASSWORD }, office)).resolves.toMatchObject(
      {
        id: staff.id,
      },
    );
  });

  it("stops guessing one account from many addresses at the per-account ceiling", async () => {
    const staff = await createStaff();
    const attempts = await Promise.all(
      Array.from({ length: SIGN_IN_LIMITS.perEmail.limit + 10 }, (_, i) =>
        failure(signIn({ email: staff.email, password: `gissning-${i}` }, `bot-${i}`)),
      ),
    );
    const codes = attempts.map((error) => error.code);
    expect(codes.filter((code) => code === "UNAUTHENTICATED")).toHaveLength(
      SIGN_IN_LIMITS.perEmail.limit,
    );
    expect((await failure(signIn({ email: staff.email, password: PASSWORD }))).code).toBe(
      "RATE_LIMITED",
    );
    expect(SIGN_IN_LIMITS.perEmail.limit).toBeGreaterThanOrEqual(
      10 * SIGN_IN_LIMITS.perEmailAndClient.limit,
    );
  });

  it("lets the owner in from an address they signed in from before, even past the ceiling", async () => {
    const staff = await createStaff();
    const home = `home-${randomUUID()}`;
    expect((await signIn({ email: staff.email, password: PASSWORD }, home)).id).toBe(staff.id);
    await Promise.all(
      Array.from({ length: SIGN_IN_LIMITS.perEmail.limit + 5 }, (_, i) =>
        failure(signIn({ email: staff.email, password: `gissning-${i}` }, `bot-${i}`)),
      ),
    );
    // A fresh address is held to the overall ceiling; the owner's known address is not.
    expect(
      (await failure(signIn({ email: staff.email, password: PASSWORD }, `new-${randomUUID()}`)))
        .code,
    ).toBe("RATE_LIMITED");
    expect((await signIn({ email: staff.email, password: PASSWORD }, home)).id).toBe(staff.id);
    // Knowing an address does not lift its own limit: five wrong guesses from it still stop it.
    for (let i = 0; i < SIGN_IN_LIMITS.perEmailAndClient.limit; i++) {
      await failure(signIn({ email: staff.email, password: `fel-${i}` }, home));
    }
    expect((await failure(signIn({ email: staff.email, password: PASSWORD }, home))).code).toBe(
      "RATE_LIMITED",
    );
  });

  it("lets no more than 5 guesses through from one address when they arrive all at once", async () => {
    const staff = await createStaff();
    const address = `burst-${randomUUID()}`;

    const attempts = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        failure(signIn({ email: staff.email, password: `gissning-${i}` }, address)),
      ),
    );

    const codes = attempts.map((error) => error.code);
    expect(codes.filter((code) => code === "UNAUTHENTICATED")).toHaveLength(
      SIGN_IN_LIMITS.perEmailAndClient.limit,
    );
    expect(codes.filter((code) => code === "RATE_LIMITED")).toHaveLength(
      20 - SIGN_IN_LIMITS.perEmailAndClient.limit,
    );
    expect((await failure(signIn({ email: staff.email, password: PASSWORD }, address))).code).toBe(
      "RATE_LIMITED",
    );
  });

  it("forgets an address's earlier failures after a successful sign-in from it", async () => {
    const staff = await createStaff();
    const address = `home-${randomUUID()}`;
    for (let attempt = 1; attempt < SIGN_IN_LIMITS.perEmailAndClient.limit; attempt++) {
      await failure(signIn({ email: staff.email, password: "fel" }, address));
    }
    await signIn({ email: staff.email, password: PASSWORD }, address);
    for (let attempt = 1; attempt < SIGN_IN_LIMITS.perEmailAndClient.limit; attempt++) {
      await failure(signIn({ email: staff.email, password: "fel" }, address));
    }

    await expect(
      signIn({ email: staff.email, password: PASSWORD }, address),
    ).resolves.toMatchObject({
      id: staff.id,
    });
  });

  it("locks a client address that keeps failing across many accounts", async () => {
    const clientKey = `203.0.113.${Math.floor(Math.random() * 250)}-${randomUUID()}`;
    await Promise.all(
      Array.from({ length: SIGN_IN_LIMITS.perClient.limit }, (_, i) =>
        failure(signIn({ email: `gissning${i}@example.se`, password: "fel" }, clientKey)),
      ),
    );
    const staff = await createStaff();

    expect(
      (await failure(signIn({ email: staff.email, password: PASSWORD }, clientKey))).code,
    ).toBe("RATE_LIMITED");
    await expect(signIn({ email: staff.email, password: PASSWORD })).resolves.toMatchObject({
      id: staff.id,
    });
  });

  it("gives a successful sign-in its attempt back, so an address is locked by failures only", async () => {
    const clientKey = `office-${randomUUID()}`;
    const staff = await createStaff();
    await Promise.all(
      Array.from({ length: SIGN_IN_LIMITS.perClient.limit - 1 }, (_, i) =>
        failure(signIn({ email: `kollega${i}@example.se`, password: "fel" }, clientKey)),
      ),
    );

    // Both take the last place in the budget; neither keeps it.
    for (let attempt = 0; attempt < 2; attempt++) {
      await expect(
        signIn({ email: staff.email, password: PASSWORD }, clientKey),
      ).resolves.toMatchObject({ id: staff.id });
    }
    expect(
      (await failure(signIn({ email: "kollega@example.se", password: "fel" }, clientKey))).code,
    ).toBe("UNAUTHENTICATED");
    expect(
      (await failure(signIn({ email: staff.email, password: PASSWORD }, clientKey))).code,
    ).toBe("RATE_LIMITED");
  });

  describe("hitRateLimit", () => {
    const start = new Date("2026-05-01T10:00:00Z");
    const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);

    it("counts hits within a window and starts again after it", async () => {
      const rule = { key: `test:${randomUUID()}`, limit: 3, windowMs: 60_000 };
      const counts: Array<[number, boolean]> = [];
      for (const second of [0, 10, 20, 30]) {
        const state = await hitRateLimit(db.prisma, rule, at(second));
        counts.push([state.count, state.limited]);
      }
      expect(counts).toEqual([
        [1, false],
        [2, false],
        [3, false],
        [4, true],
      ]);
      expect(await peekRateLimit(db.prisma, rule, at(59))).toMatchObject({
        count: 4,
        retryAfterSeconds: 1,
      });

      const fresh = await hitRateLimit(db.prisma, rule, at(60));
      expect(fresh).toMatchObject({
        count: 1,
        limited: false,
        resetAt: at(120),
        retryAfterSeconds: 60,
      });
      expect(await peekRateLimit(db.prisma, rule, at(120))).toMatchObject({ count: 0 });
    });

    it("keeps keys apart and does not count when peeking", async () => {
      const a = { key: `test:a:${randomUUID()}`, limit: 2, windowMs: 60_000 };
      const b = { ...a, key: `test:b:${randomUUID()}` };
      await hitRateLimit(db.prisma, a, at(0));
      await hitRateLimit(db.prisma, a, at(1));
      await peekRateLimit(db.prisma, b, at(2));
      await peekRateLimit(db.prisma, b, at(3));

      expect(await hitRateLimit(db.prisma, b, at(4))).toMatchObject({ count: 1 });
      expect(await hitRateLimit(db.prisma, a, at(5))).toMatchObject({ count: 3, limited: true });
    });

    it("counts concurrent hits exactly", async () => {
      const rule = { key: `test:${randomUUID()}`, limit: 100, windowMs: 60_000 };
      const states = await Promise.all(
        Array.from({ length: 20 }, () => hitRateLimit(db.prisma, rule, at(0))),
      );
      expect(states.map((s) => s.count).sort((x, y) => x - y)).toEqual(
        Array.from({ length: 20 }, (_, i) => i + 1),
      );
    });
  });
});
