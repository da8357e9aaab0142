import { z } from "zod";
import { parseImageHosts } from "@/lib/http/image-hosts";

/**
 * All configuration, parsed once. A wrong value stops start-up with a message naming the variable
 * and what it expects; an unset optional service (PostgreSQL, Redis, Stripe, SMTP) switches the
 * embedded or demo behaviour on instead. README.md's configuration table mirrors this schema.
 */

const optionalString = z
  .string()
  .transform((value) => value.trim())
  .optional()
  .transform((value) => (value === "" ? undefined : value));

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no", ""], {
    error: "expected true or false",
  })
  .optional()
  .transform((value) => value === "true" || value === "1" || value === "yes");

function urlWithSchemes(schemes: string[]) {
  return optionalString.pipe(
    z
      .string()
      .refine(
        (value) => {
          try {
            return schemes.includes(new URL(value).protocol);
          } catch {
            return false;
          }
        },
        { error: `expected a URL starting with ${schemes.map((s) => `${s}//`).join(" or ")}` },
      )
      .optional(),
  );
}

function prefixedSecret(prefixes: string[]) {
  return optionalString.pipe(
    z
      .string()
      .refine((value) => prefixes.some((prefix) => value.startsWith(prefix)), {
        error: `expected a key starting with ${prefixes.join(" or ")}`,
      })
      .optional(),
  );
}

export const envSchema = z
  .object({
    NODE_ENV: z
      .enum(["development", "production", "test"], {
        error: "expected development, production or test",
      })
      .default("development"),
    PORT: z.coerce
      .number({ error: "expected a port number" })
      .int("expected a whole port number")
      .min(1, "expected a port from 1 to 65535")
      .max(65535, "expected a port from 1 to 65535")
      .default(3000),
    HOST: optionalString.default("0.0.0.0"),
    APP_URL: urlWithSchemes(["http:", "https:"]),
    DATABASE_URL: urlWithSchemes(["postgres:", "postgresql:"]),
    DATABASE_PREPARED_STATEMENTS: z
      .enum(["on", "off", ""], { error: "expected on or off" })
      .optional()
      .transform((value) => (value === "" ? undefined : value)),
    DATA_DIR: optionalString.default("./data"),
    REDIS_URL: urlWithSchemes(["redis:", "rediss:"]),
    NEXTAUTH_SECRET: optionalString.pipe(
      z.string().min(32, "expected at least 32 characters of random secret").optional(),
    ),
    STRIPE_SECRET_KEY: prefixedSecret(["sk_test_", "sk_live_", "rk_test_", "rk_live_"]),
    STRIPE_PUBLISHABLE_KEY: prefixedSecret(["pk_test_", "pk_live_"]),
    STRIPE_WEBHOOK_SECRET: prefixedSecret(["whsec_"]),
    DEMO_PAYMENTS: z
      .enum(["on", "off", ""], { error: "expected on or off" })
      .optional()
      .transform((value) => (value === "" ? undefined : value)),
    SMTP_URL: urlWithSchemes(["smtp:", "smtps:"]),
    MAIL_FROM: optionalString.pipe(z.email("expected an email address").optional()),
    TRUST_PROXY: booleanFlag,
    INVOICE_LINK_RATE_LIMIT: z.coerce
      .number({ error: "expected a number of lookups per minute" })
      .int("expected a whole number of lookups per minute")
      .min(1, "expected at least 1 lookup per minute")
      .default(120),
    REQUEST_BODY_LIMIT: z.coerce
      .number({ error: "expected a number of bytes" })
      .int("expected a whole number of bytes")
      .min(16 * 1024, "expected at least 16384 bytes")
      .max(64 * 1024 * 1024, "expected at most 67108864 bytes")
      .default(1024 * 1024),
    SOCKETS_PER_LINK: z.coerce
      .number({ error: "expected a number of sockets" })
      .int("expected a whole number of sockets")
      .min(1, "expected at least 1 socket per link")
      .default(10),
    SOCKETS_PER_ADDRESS: z.coerce
      .number({ error: "expected a number of sockets" })
      .int("expected a whole number of sockets")
      .min(0, "expected 0 (no per-address limits) or more sockets per address")
      .default(100),
    CONTENT_IMAGE_HOSTS: optionalString.refine(
      (value) =>
        !value ||
        value
          .split(",")
          .map((host) => host.trim())
          .every((host) => parseImageHosts(host).length === 1),
      {
        message: "expected host names separated by commas, e.g. cdn.example.se,images.example.com",
      },
    ),
    API_RATE_LIMIT: z.coerce
      .number({ error: "expected a number of requests per minute" })
      .int("expected a whole number of requests per minute")
      .min(1, "expected at least 1 request per minute")
      .default(600),
    API_BATCH_BODY_LIMIT: z.coerce
      .number({ error: "expected a number of bytes" })
      .int("expected a whole number of bytes")
      .min(1024 * 1024, "expected at least 1048576 bytes")
      .max(256 * 1024 * 1024, "expected at most 268435456 bytes")
      .default(16 * 1024 * 1024),
    WEBHOOK_ALLOW_PRIVATE_NETWORKS: booleanFlag,
    BANK_FILE_MAX_BYTES: z.coerce
      .number({ error: "expected a number of bytes" })
      .int("expected a whole number of bytes")
      .min(1024 * 1024, "expected at least 1048576 bytes")
      .max(1024 * 1024 * 1024, "expected at most 1073741824 bytes")
      .default(128 * 1024 * 1024),
    LOG_LEVEL: z
      .enum(["debug", "info", "warn", "error"], { error: "expected debug, info, warn or error" })
      .default("info"),
  })
  .superRefine((env, ctx) => {
    const stripe = [env.STRIPE_SECRET_KEY, env.STRIPE_PUBLISHABLE_KEY, env.STRIPE_WEBHOOK_SECRET];
    const setCount = stripe.filter(Boolean).length;
    if (setCount > 0 && env.DEMO_PAYMENTS === "on") {
      ctx.addIssue({
        code: "custom",
        path: ["DEMO_PAYMENTS"],
        message:
          "expected off (or unset) when Stripe is configured: demo payments never run beside real ones",
      });
    }
    if (setCount !== 0 && setCount !== stripe.length) {
      ctx.addIssue({
        code: "custom",
        path: ["STRIPE_SECRET_KEY"],
        message:
          "expected all three of STRIPE_SECRET_KEY, STRIPE_PUBLISHABLE_KEY and STRIPE_WEBHOOK_SECRET, or none (demo payments)",
      });
    }
  });

export type Env = z.infer<typeof envSchema> & {
  /** The base URL links are printed with (APP_URL, or http://localhost:PORT). */
  appUrl: string;
  databaseKind: "pglite" | "postgresql";
  realtimeKind: "local" | "redis";
  hasStripe: boolean;
  /**
   * The demo payment provider: only when asked for (DEMO_PAYMENTS=on; `npm run demo` asks), never
   * beside Stripe. Off by default on every database, so a production start never lets a link
   * holder mark an invoice paid.
   */
  demoPayments: boolean;
};

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const name = issue.path.join(".") || "environment";
      const given = typeof issue.path[0] === "string" ? source[issue.path[0]] : undefined;
      // Secrets are never echoed back, only their variable name.
      const shown = given !== undefined && !/SECRET|KEY|URL/.test(name) ? ` (got "${given}")` : "";
      return `${name}: ${issue.message}${shown}`;
    });
    throw new EnvError(problems);
  }
  const env = result.data;
  return {
    ...env,
    appUrl: (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ""),
    databaseKind: env.DATABASE_URL ? "postgresql" : "pglite",
    realtimeKind: env.REDIS_URL ? "redis" : "local",
    hasStripe: Boolean(env.STRIPE_SECRET_KEY),
    demoPayments: !env.STRIPE_SECRET_KEY && env.DEMO_PAYMENTS === "on",
  };
}

const cacheKey = Symbol.for("nota.env");
type EnvCache = { [cacheKey]?: Env };

/** The process's configuration, parsed on first use and shared by server.ts and Next's bundle. */
export function getEnv(): Env {
  const holder = globalThis as EnvCache;
  holder[cacheKey] ??= parseEnv(process.env);
  return holder[cacheKey];
}
