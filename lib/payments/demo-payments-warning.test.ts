import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { demoPaymentsStartWarning } from "@/lib/payments/demo-payments-warning";

/** server.ts logs this at start-up; the decision is here so it can be checked without a server. */
describe("the start-up warning about demo payments", () => {
  it("is given by a production start with demo payments on", () => {
    const warning = demoPaymentsStartWarning(
      parseEnv({ NODE_ENV: "production", DEMO_PAYMENTS: "on" }),
    );
    expect(warning).toMatch(/DEMO PAYMENTS ARE ON/);
    expect(warning).toMatch(/anyone with an invoice link can mark it paid/);
    expect(warning).toMatch(/unset DEMO_PAYMENTS/);
  });

  it("is not given in development, nor without demo payments", () => {
    expect(demoPaymentsStartWarning(parseEnv({ DEMO_PAYMENTS: "on" }))).toBeNull();
    expect(
      demoPaymentsStartWarning(parseEnv({ NODE_ENV: "development", DEMO_PAYMENTS: "on" })),
    ).toBeNull();
    expect(demoPaymentsStartWarning(parseEnv({ NODE_ENV: "production" }))).toBeNull();
    expect(
      demoPaymentsStartWarning(parseEnv({ NODE_ENV: "production", DEMO_PAYMENTS: "off" })),
    ).toBeNull();
  });

  it("is not given beside Stripe, where demo payments never run", () => {
    const stripe = {
      NODE_ENV: "production",
      STRIPE_SECRET_KEY: "sk_live_x",
      STRIPE_PUBLISHABLE_KEY: "pk_live_x",
      STRIPE_WEBHOOK_SECRET: "whsec_x",
    };
    expect(demoPaymentsStartWarning(parseEnv(stripe))).toBeNull();
  });
});
