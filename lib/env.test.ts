import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

const STRIPE = {
  STRIPE_SECRET_KEY: "sk_test_51SecretValueThatMustNotLeak",
  STRIPE_PUBLISHABLE_KEY: "pk_test_51PublishableValue",
  STRIPE_WEBHOOK_SECRET: "whsec_WebhookSecretThatMustNotLeak",
};

function envErrorOf(source: Record<string, string | undefined>): EnvError {
  try {
    parseEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return error as EnvError;
  }
  throw new Error(`expected parseEnv to refuse ${JSON.stringify(Object.keys(source))}`);
}

describe("parseEnv", () => {
  it("runs the whole product with nothing set: embedded database, local realtime, demo payments", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      NODE_ENV: "development",
      PORT: 3000,
      HOST: "0.0.0.0",
      DATA_DIR: "./data",
      LOG_LEVEL: "info",
      TRUST_PROXY: false,
      appUrl: "http://localhost:3000",
      databaseKind: "pglite",
      realtimeKind: "local",
      hasStripe: false,
    });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.REDIS_URL).toBeUndefined();
  });

  it("treats empty and blank values as unset", () => {
    const env = parseEnv({
      DATABASE_URL: "",
      REDIS_URL: "  ",
      DATA_DIR: "",
      STRIPE_SECRET_KEY: "",
    });
    expect(env).toMatchObject({
      databaseKind: "pglite",
      realtimeKind: "local",
      hasStripe: false,
      DATA_DIR: "./data",
    });
  });

  it.each(["postgres://nota@db:5432/nota", "postgresql://nota@db/nota?schema=app"])(
    "switches to PostgreSQL for DATABASE_URL=%s",
    (url) => {
      expect(parseEnv({ DATABASE_URL: url })).toMatchObject({
        databaseKind: "postgresql",
        DATABASE_URL: url,
      });
    },
  );

  it("switches on Redis, Stripe and a custom port and URL when configured", () => {
    const env = parseEnv({
      REDIS_URL: "rediss://cache:6380",
      PORT: "8080",
      APP_URL: "https://nota.example.se/",
      TRUST_PROXY: "yes",
      ...STRIPE,
    });
    expect(env).toMatchObject({
      realtimeKind: "redis",
      hasStripe: true,
      PORT: 8080,
      appUrl: "https://nota.example.se",
      TRUST_PROXY: true,
    });
  });

  it.each([
    [{ PORT: "abc" }, /PORT: expected a port number \(got "abc"\)/],
    [{ PORT: "70000" }, /PORT: expected a port from 1 to 65535 \(got "70000"\)/],
    [{ PORT: "0" }, /PORT: expected a port from 1 to 65535/],
    [{ PORT: "80.5" }, /PORT: expected a whole port number/],
    [
      { DATABASE_URL: "mysql://x" },
      /DATABASE_URL: expected a URL starting with postgres:\/\/ or postgresql:\/\//,
    ],
    [
      { REDIS_URL: "http://x" },
      /REDIS_URL: expected a URL starting with redis:\/\/ or rediss:\/\//,
    ],
    [
      { APP_URL: "nota.example.se" },
      /APP_URL: expected a URL starting with http:\/\/ or https:\/\//,
    ],
    [{ LOG_LEVEL: "loud" }, /LOG_LEVEL: expected debug, info, warn or error \(got "loud"\)/],
    [{ TRUST_PROXY: "maybe" }, /TRUST_PROXY: expected true or false \(got "maybe"\)/],
    [{ SOCKETS_PER_LINK: "0" }, /SOCKETS_PER_LINK: expected at least 1 socket per link/],
    [
      { SOCKETS_PER_ADDRESS: "-1" },
      /SOCKETS_PER_ADDRESS: expected 0 \(no per-address limits\) or more/,
    ],
    [{ NODE_ENV: "staging" }, /NODE_ENV: expected development, production or test/],
    [{ MAIL_FROM: "nota" }, /MAIL_FROM: expected an email address/],
    [
      { NEXTAUTH_SECRET: "too-short" },
      /NEXTAUTH_SECRET: expected at least 32 characters of random secret/,
    ],
    [
      { ...STRIPE, STRIPE_SECRET_KEY: "pk_x" },
      /STRIPE_SECRET_KEY: expected a key starting with sk_test_ or sk_live_/,
    ],
    [
      { ...STRIPE, STRIPE_WEBHOOK_SECRET: "secret" },
      /STRIPE_WEBHOOK_SECRET: expected a key starting with whsec_/,
    ],
  ])("refuses %j, naming the variable and what it expects", (source, message) => {
    expect(envErrorOf(source).message).toMatch(message);
  });

  it.each(Object.keys(STRIPE))("refuses %s set without the other two Stripe variables", (name) => {
    const error = envErrorOf({ [name]: STRIPE[name as keyof typeof STRIPE] });
    expect(error.message).toMatch(
      /expected all three of STRIPE_SECRET_KEY, STRIPE_PUBLISHABLE_KEY and STRIPE_WEBHOOK_SECRET, or none/,
    );
  });

  it("lists every problem at once", () => {
    const error = envErrorOf({ PORT: "abc", LOG_LEVEL: "loud", REDIS_URL: "http://x" });
    expect(error.problems).toHaveLength(3);
    expect(error.message).toMatch(/^Invalid configuration:\n {2}- /);
  });

  it.each([
    [
      "STRIPE_SECRET_KEY",
      { ...STRIPE, STRIPE_SECRET_KEY: "pk_live_SecretLooking123" },
      "pk_live_SecretLooking123",
    ],
    [
      "STRIPE_WEBHOOK_SECRET",
      { ...STRIPE, STRIPE_WEBHOOK_SECRET: "wh_TopSecret987" },
      "wh_TopSecret987",
    ],
    ["NEXTAUTH_SECRET", { NEXTAUTH_SECRET: "hunter2-short-secret" }, "hunter2-short-secret"],
    ["DATABASE_URL", { DATABASE_URL: "mysql://admin:Passw0rdInUrl@db/nota" }, "Passw0rdInUrl"],
    ["REDIS_URL", { REDIS_URL: "http://:RedisPassw0rd@cache" }, "RedisPassw0rd"],
  ])("never echoes the value of %s", (name, source, secret) => {
    const error = envErrorOf(source);
    expect(error.message).toContain(`${name}:`);
    expect(error.message).not.toContain(secret);
    expect(JSON.stringify(error.problems)).not.toContain(secret);
  });

  it("never echoes the secret of a half-configured Stripe setup", () => {
    const error = envErrorOf({ STRIPE_SECRET_KEY: STRIPE.STRIPE_SECRET_KEY });
    expect(error.message).not.toContain(STRIPE.STRIPE_SECRET_KEY);
  });
});

describe("DEMO_PAYMENTS", () => {
  it("is off unless DEMO_PAYMENTS=on, on the embedded database and PostgreSQL alike", () => {
    // Reproduction: demo payments were on whenever DATABASE_URL was unset, whatever NODE_ENV.
    expect(parseEnv({}).demoPayments).toBe(false);
    expect(parseEnv({ NODE_ENV: "production" }).demoPayments).toBe(false);
    expect(parseEnv({ DEMO_PAYMENTS: "on" }).demoPayments).toBe(true);
    expect(parseEnv({ DATABASE_URL: "postgresql://db/nota" }).demoPayments).toBe(false);
  });

  it("follows an explicit on or off", () => {
    expect(
      parseEnv({ DATABASE_URL: "postgresql://db/nota", DEMO_PAYMENTS: "on" }).demoPayments,
    ).toBe(true);
    expect(parseEnv({ DEMO_PAYMENTS: "off" }).demoPayments).toBe(false);
    expect(() => parseEnv({ DEMO_PAYMENTS: "yes please" })).toThrow(
      /DEMO_PAYMENTS: expected on or off/,
    );
  });

  it("never runs beside Stripe, and refuses to be switched on there", () => {
    const stripe = {
      STRIPE_SECRET_KEY: "sk_test_x",
      STRIPE_PUBLISHABLE_KEY: "pk_test_x",
      STRIPE_WEBHOOK_SECRET: "whsec_x",
    };
    expect(parseEnv(stripe).demoPayments).toBe(false);
    expect(() => parseEnv({ ...stripe, DEMO_PAYMENTS: "on" })).toThrow(/DEMO_PAYMENTS/);
  });
});
