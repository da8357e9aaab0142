import { createHash } from "node:crypto";
import { BoundedMap } from "@/lib/memory/bounded-map";

/**
 * Names for PostgreSQL's prepared statements (PrismaPg's statementNameGenerator): a statement
 * named after its text is parsed and planned once per pooled connection and then only executed.
 * Planning was more than half of PostgreSQL's work for a chat message (0.93 ms a message unnamed,
 * 0.36 ms prepared, measured on this project's statement) and a share of every page's queries.
 *
 * Each name holds server memory on every connection for its life, so only statements of a
 * bounded kind are named: not long ones, and not those with many parameters (an IN list of every
 * length would each be a statement of its own). The rest run unnamed, as before.
 */
export const MAX_NAMED_SQL_LENGTH = 16_000;
export const MAX_NAMED_PARAMETERS = 40;

// The same texts come back all the time: their names are kept (bounded) rather than hashed anew.
const names = new BoundedMap<string, string>(2_000);

/** The statement's name, or "" for one that runs unnamed (pg's unnamed statement). */
export function statementName(query: { sql: string; args: readonly unknown[] }): string {
  if (query.sql.length > MAX_NAMED_SQL_LENGTH || query.args.length > MAX_NAMED_PARAMETERS) {
    return "";
  }
  let name = names.get(query.sql);
  if (!name) {
    // A digest of the whole text: two different statements can never share a name (pg refuses
    // a name reused for another text on the same connection).
    name = `nota_${createHash("sha256").update(query.sql).digest("base64url")}`;
    names.set(query.sql, name);
  }
  return name;
}
