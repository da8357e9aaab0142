import { describe, expect, it } from "vitest";
import {
  MAX_NAMED_PARAMETERS,
  MAX_NAMED_SQL_LENGTH,
  statementName,
} from "@/lib/db/statement-names";

describe("statementName", () => {
  it("names a statement after its text: the same text the same name, another text another", () => {
    const a = statementName({ sql: 'SELECT "id" FROM "Invoice" WHERE "id" = $1', args: ["x"] });
    expect(a).toMatch(/^nota_[A-Za-z0-9_-]{43}$/);
    expect(statementName({ sql: 'SELECT "id" FROM "Invoice" WHERE "id" = $1', args: ["y"] })).toBe(
      a,
    );
    expect(
      statementName({ sql: 'SELECT "id" FROM "Invoice" WHERE "ocr" = $1', args: ["x"] }),
    ).not.toBe(a);
    // Within PostgreSQL's 63-byte identifier limit.
    expect(a.length).toBeLessThanOrEqual(63);
  });

  it("leaves long statements and those with many parameters unnamed", () => {
    expect(statementName({ sql: `SELECT ${"1,".repeat(MAX_NAMED_SQL_LENGTH)}1`, args: [] })).toBe(
      "",
    );
    const args = Array.from({ length: MAX_NAMED_PARAMETERS + 1 }, (_, i) => i);
    const inList = args.map((_, i) => `$${i + 1}`).join(",");
    expect(statementName({ sql: `SELECT 1 WHERE 1 IN (${inList})`, args })).toBe("");
    expect(statementName({ sql: `SELECT 1 WHERE 1 IN (${inList})`, args: args.slice(1) })).not.toBe(
      "",
    );
  });
});
