/**
 * The one logger. One JSON line per event in production (for a log collector), a readable line
 * in development and tests; every line names its module. LOG_LEVEL (debug, info, warn, error)
 * decides what is written. Secrets and personal text never reach the log: fields named like a
 * password, token, key, cookie or a message body are replaced, and invoice link tokens, API keys
 * and provider secrets are cut out of every string, including error messages and stacks.
 */
export type LogLevel = "debug" | "info" | "warn" | "error";
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface LogRecord {
  time: string;
  level: LogLevel;
  module: string;
  msg: string;
  [field: string]: unknown;
}

type Sink = (record: LogRecord, line: string) => void;

const stateKey = Symbol.for("nota.log");
interface LogState {
  level?: LogLevel;
  json?: boolean;
  sink?: Sink;
}
const state = (): LogState => {
  const holder = globalThis as { [stateKey]?: LogState };
  holder[stateKey] ??= {};
  return holder[stateKey];
};

function configuredLevel(): LogLevel {
  const own = state().level;
  if (own) return own;
  const value = process.env.LOG_LEVEL?.trim();
  return value && value in LEVELS ? (value as LogLevel) : "info";
}

function writesJson(): boolean {
  return state().json ?? process.env.NODE_ENV === "production";
}

/** Fields whose values are secrets or personal text: never written, whatever they hold. */
const SECRET_FIELD =
  /pass(word)?|secret|token|authorization|cookie|api_?key|credential|^(body|html|text|content)$/i;

/** Secrets that can hide inside any string (a URL, an error message, a stack). */
const SECRET_PATTERNS: Array<[RegExp, string]> = [
  // Invoice links: /i/<token>… (the token is the customer's key to the invoice).
  [/\/i\/[A-Za-z0-9_-]{16,}/g, "/i/[token]"],
  [/\bnota_(live|test)_[A-Za-z0-9]+/g, "nota_$1_[redacted]"],
  [/\b(whsec|sk_live|sk_test|rk_live|rk_test)_[A-Za-z0-9]+/g, "$1_[redacted]"],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, "$1 [redacted]"],
  // A bare link token (43 characters of base64url, as access-token.ts makes them).
  [/(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g, "[token]"],
  // Credentials inside connection URLs (postgres://user:password@host).
  [/(\/\/[^:/@\s]+:)[^@\s]+@/g, "$1[redacted]@"],
];

export function redactText(text: string): string {
  let result = text;
  for (const [pattern, replacement] of SECRET_PATTERNS)
    result = result.replace(pattern, replacement);
  return result;
}

function redactValue(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === "string") return redactText(value);
  if (typeof value !== "object" || value === null) {
    return typeof value === "bigint" ? value.toString() : value;
  }
  if (seen.has(value)) return "[circular]";
  if (depth > 5) return "[deep]";
  seen.add(value);
  if (value instanceof Error) {
    const error = value as Error & { code?: unknown; cause?: unknown };
    return {
      type: error.name,
      message: redactText(error.message),
      ...(error.code !== undefined ? { code: redactValue(error.code, depth + 1, seen) } : {}),
      ...(error.stack ? { stack: redactText(error.stack) } : {}),
      ...(error.cause !== undefined ? { cause: redactValue(error.cause, depth + 1, seen) } : {}),
    };
  }
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value))
    return value.slice(0, 50).map((item) => redactValue(item, depth + 1, seen));
  const result: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    result[key] = SECRET_FIELD.test(key) ? "[redacted]" : redactValue(field, depth + 1, seen);
  }
  return result;
}

/** The fields as they may be written: secrets replaced (exported for tests of other modules). */
export function redactFields(fields: LogFields): LogFields {
  return redactValue(fields, 0, new WeakSet()) as LogFields;
}

function readable(record: LogRecord): string {
  const { time, level, module, msg, ...fields } = record;
  const extras = Object.entries(fields).map(([key, value]) => {
    if (value && typeof value === "object" && "stack" in value) {
      return `\n  ${String((value as { stack: unknown }).stack).replace(/\n/g, "\n  ")}`;
    }
    return ` ${key}=${typeof value === "string" ? value : JSON.stringify(value)}`;
  });
  return `${time.slice(11, 23)} ${level.toUpperCase().padEnd(5)} [${module}] ${msg}${extras.join("")}`;
}

function write(level: LogLevel, module: string, message: string, fields?: LogFields): void {
  if (LEVELS[level] < LEVELS[configuredLevel()]) return;
  const record: LogRecord = {
    time: new Date().toISOString(),
    level,
    module,
    msg: redactText(message),
    ...(fields ? redactFields(fields) : {}),
  };
  const line = writesJson() ? JSON.stringify(record) : readable(record);
  const sink = state().sink;
  if (sink) {
    sink(record, line);
    return;
  }
  (level === "warn" || level === "error" ? process.stderr : process.stdout).write(`${line}\n`);
}

/** A logger for one module ("payments", "realtime", "jobs" …). */
export function createLogger(module: string): Logger {
  return {
    debug: (message, fields) => write("debug", module, message, fields),
    info: (message, fields) => write("info", module, message, fields),
    warn: (message, fields) => write("warn", module, message, fields),
    error: (message, fields) => write("error", module, message, fields),
  };
}

/** Tests: capture what is logged (and force a level or format); returns the way back. */
export function captureLogs(options: { level?: LogLevel; json?: boolean } = {}): {
  records: LogRecord[];
  lines: string[];
  restore: () => void;
} {
  const previous = { ...state() };
  const records: LogRecord[] = [];
  const lines: string[] = [];
  Object.assign(state(), {
    level: options.level ?? "debug",
    json: options.json,
    sink: (record: LogRecord, line: string) => {
      records.push(record);
      lines.push(line);
    },
  });
  return {
    records,
    lines,
    restore: () => {
      const current = state();
      delete current.level;
      delete current.json;
      delete current.sink;
      Object.assign(current, previous);
    },
  };
}
