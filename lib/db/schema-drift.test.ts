import { readFileSync } from "node:fs";
import path from "node:path";
import { get_dmmf } from "@prisma/prisma-schema-wasm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SqlSession } from "@/lib/db/sql-session";
import { createCustomer, createDraft, createOrganization } from "@/tests/helpers/fixtures";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

/**
 * Proves that the hand-written migrations build exactly the database prisma/schema.prisma
 * describes, by comparing Prisma's own reading of the schema (the DMMF from the official parser)
 * with the live catalog, in both directions.
 */

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "enum" | "object" | "unsupported";
  type: string;
  isRequired: boolean;
  isList?: boolean;
  nativeType?: [string, string[]] | null;
  hasDefaultValue: boolean;
  default?: unknown;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}
interface Datamodel {
  models: DmmfModel[];
  enums: Array<{
    name: string;
    dbName?: string | null;
    values: Array<{ name: string; dbName?: string | null }>;
  }>;
  indexes: Array<{
    model: string;
    type: "id" | "unique" | "normal" | "fulltext";
    dbName?: string | null;
    fields: Array<{ name: string }>;
  }>;
}

const schemaSource = readFileSync(path.join(process.cwd(), "prisma", "schema.prisma"), "utf8");
const datamodel: Datamodel = JSON.parse(
  get_dmmf(JSON.stringify({ prismaSchema: [["schema.prisma", schemaSource]], noColor: true })),
).datamodel;

/**
 * Partial indexes' predicates by index name: the DMMF does not carry `where: raw("…")`, so it is
 * read from the source (a partial index in schema.prisma must therefore be named with `map:`).
 */
const partialPredicates = new Map(
  [...schemaSource.matchAll(/map:\s*"([^"]+)"[^\n]*?where:\s*raw\("((?:[^"\\]|\\.)*)"\)/g)].map(
    (match) => [match[1], match[2]],
  ),
);
/** The identifiers and literals of a predicate, so PostgreSQL's rewriting of it still compares. */
const predicateWords = (predicate: string) =>
  [...predicate.replace(/::"?\w+"?(\[\])?/g, "").matchAll(/'[^']*'|[A-Za-z_]\w*/g)]
    .map((m) => m[0])
    // `x IN (a, b)` comes back as `x = ANY (ARRAY[a, b])`.
    .filter((word) => !/^(IN|ANY|ARRAY)$/i.test(word))
    .filter((word, index, words) => words.indexOf(word) === index)
    .sort();

const SCALAR_TYPES: Record<string, { dataType: string; udt: string }> = {
  String: { dataType: "text", udt: "text" },
  Int: { dataType: "integer", udt: "int4" },
  Boolean: { dataType: "boolean", udt: "bool" },
  DateTime: { dataType: "timestamp without time zone", udt: "timestamp" },
  Json: { dataType: "jsonb", udt: "jsonb" },
  BigInt: { dataType: "bigint", udt: "int8" },
  Float: { dataType: "double precision", udt: "float8" },
  Bytes: { dataType: "bytea", udt: "bytea" },
};
// pg_constraint.confdeltype / confupdtype codes.
const FK_ACTIONS: Record<string, string> = {
  a: "NoAction",
  r: "Restrict",
  c: "Cascade",
  n: "SetNull",
  d: "SetDefault",
};

/** The SQL default `prisma migrate dev` would write for a field, or null for none. */
function expectedDefault(field: DmmfField): string | null {
  const value = field.default;
  if (!field.hasDefaultValue || value === undefined) return null;
  if (typeof value === "object" && value !== null && "name" in value) {
    // uuid()/cuid() are filled in by Prisma Client, now() by the database.
    return (value as { name: string }).name === "now" ? "CURRENT_TIMESTAMP" : null;
  }
  if (field.kind === "enum") return `'${value}'::"${field.type}"`;
  if (field.type === "String") return `'${value}'::text`;
  if (field.type === "Json") return `'${value}'::jsonb`;
  return String(value);
}

const columnsKey = (table: string, columns: string[]) => `${table}(${columns.join(",")})`;

/** Every difference between schema.prisma and the database `sql` is connected to, in words. */
async function findSchemaDrift(sql: SqlSession): Promise<string[]> {
  const mismatches: string[] = [];
  const tables = new Set(
    (
      await sql.query<{ name: string }>(
        `SELECT table_name AS name FROM information_schema.tables
         WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`,
      )
    ).map((row) => row.name),
  );
  const columns = await sql.query<{
    table: string;
    column: string;
    data_type: string;
    udt_name: string;
    is_nullable: "YES" | "NO";
    column_default: string | null;
    datetime_precision: number | null;
  }>(
    `SELECT table_name AS table, column_name AS column, data_type, udt_name, is_nullable, column_default,
            datetime_precision
     FROM information_schema.columns WHERE table_schema = current_schema()`,
  );
  const indexes = await sql.query<{
    table: string;
    name: string;
    unique: boolean;
    primary: boolean;
    columns: string[];
    predicate: string | null;
  }>(
    `SELECT t.relname AS table, i.relname AS name, ix.indisunique AS unique, ix.indisprimary AS primary,
            pg_get_expr(ix.indpred, ix.indrelid) AS predicate,
            (SELECT json_agg(a.attname ORDER BY k.ord) FROM unnest(ix.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
             JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum) AS columns
     FROM pg_index ix JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_class i ON i.oid = ix.indexrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = current_schema() AND t.relname <> '_prisma_migrations'`,
  );
  const foreignKeys = await sql.query<{
    table: string;
    name: string;
    referenced: string;
    on_delete: string;
    on_update: string;
    columns: string[];
    referenced_columns: string[];
  }>(
    `SELECT t.relname AS table, c.conname AS name, r.relname AS referenced,
            c.confdeltype::text AS on_delete, c.confupdtype::text AS on_update,
            (SELECT json_agg(a.attname ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord)
             JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS columns,
            (SELECT json_agg(a.attname ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY k(attnum, ord)
             JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum) AS referenced_columns
     FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class r ON r.oid = c.confrelid
     JOIN pg_namespace n ON n.oid = c.connamespace
     WHERE c.contype = 'f' AND n.nspname = current_schema()`,
  );
  const enums = await sql.query<{ name: string; values: string[] }>(
    `SELECT t.typname AS name, json_agg(e.enumlabel ORDER BY e.enumsortorder) AS values
     FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
     WHERE n.nspname = current_schema() GROUP BY t.typname`,
  );

  const modelTables = new Map(datamodel.models.map((m) => [m.name, m.dbName ?? m.name]));
  const fieldColumn = (model: DmmfModel, fieldName: string) => {
    const field = model.fields.find((f) => f.name === fieldName);
    return field?.dbName ?? fieldName;
  };
  // Indexes the schema asks for, so leftovers in the database can be reported too.
  const expectedIndexes = new Set<string>();

  for (const model of datamodel.models) {
    const table = model.dbName ?? model.name;
    if (!tables.has(table)) {
      mismatches.push(`model ${model.name}: no table "${table}" in the database`);
      continue;
    }
    const dbColumns = new Map(columns.filter((c) => c.table === table).map((c) => [c.column, c]));
    const scalarFields = model.fields.filter((f) => f.kind === "scalar" || f.kind === "enum");
    for (const field of scalarFields) {
      const where = `${model.name}.${field.name}`;
      const column = dbColumns.get(field.dbName ?? field.name);
      if (!column) {
        mismatches.push(`${where}: no column in the database`);
        continue;
      }
      if (field.kind === "enum") {
        if (column.data_type !== "USER-DEFINED" || column.udt_name !== field.type) {
          mismatches.push(
            `${where}: expected enum ${field.type}, database has ${column.data_type} ${column.udt_name}`,
          );
        }
      } else if (field.nativeType?.[0] === "Date") {
        if (column.data_type !== "date")
          mismatches.push(`${where}: expected date, database has ${column.data_type}`);
      } else if (field.isList) {
        // A scalar list is an array column (Prisma writes it without NOT NULL: lists are never
        // optional in the schema, an absent one reads as empty).
        const expected = SCALAR_TYPES[field.type];
        if (!expected || column.data_type !== "ARRAY" || column.udt_name !== `_${expected.udt}`) {
          mismatches.push(
            `${where}: expected ${field.type}[], database has ${column.data_type} ${column.udt_name}`,
          );
        }
      } else {
        const expected = SCALAR_TYPES[field.type];
        if (!expected)
          mismatches.push(`${where}: the test does not know Prisma type ${field.type}`);
        else if (column.data_type !== expected.dataType || column.udt_name !== expected.udt) {
          mismatches.push(
            `${where}: expected ${expected.dataType}, database has ${column.data_type}`,
          );
        } else if (field.type === "DateTime" && column.datetime_precision !== 3) {
          mismatches.push(
            `${where}: expected timestamp(3), database has timestamp(${column.datetime_precision})`,
          );
        }
      }
      const isNullable = column.is_nullable === "YES";
      if (!field.isList && isNullable !== !field.isRequired) {
        mismatches.push(
          `${where}: ${field.isRequired ? "required" : "optional"} in schema.prisma but ${isNullable ? "NULL" : "NOT NULL"} in the database`,
        );
      }
      const wantedDefault = expectedDefault(field);
      if (wantedDefault !== column.column_default) {
        mismatches.push(
          `${where}: default should be ${wantedDefault ?? "none"}, database has ${column.column_default ?? "none"}`,
        );
      }
    }
    for (const column of dbColumns.keys()) {
      if (!scalarFields.some((f) => (f.dbName ?? f.name) === column)) {
        mismatches.push(
          `${model.name}: column "${column}" in the database is not in schema.prisma`,
        );
      }
    }

    const tableIndexes = indexes.filter((i) => i.table === table);
    for (const index of datamodel.indexes.filter((i) => i.model === model.name)) {
      const wanted = index.fields.map((f) => fieldColumn(model, f.name));
      const kind =
        index.type === "id" ? "primary key" : index.type === "unique" ? "unique index" : "index";
      const predicate = (index.dbName && partialPredicates.get(index.dbName)) || null;
      expectedIndexes.add(columnsKey(table, wanted) + kind);
      const found = tableIndexes.find(
        (i) =>
          columnsKey(table, i.columns) === columnsKey(table, wanted) &&
          (index.type === "id"
            ? i.primary
            : index.type === "unique"
              ? i.unique && !i.primary
              : !i.unique),
      );
      if (!found) {
        mismatches.push(`${model.name}: no ${kind} on (${wanted.join(", ")}) in the database`);
      } else if (
        predicateWords(predicate ?? "").join(" ") !==
        predicateWords(found.predicate ?? "").join(" ")
      ) {
        mismatches.push(
          `${model.name}: ${kind} on (${wanted.join(", ")}) should hold ${predicate ? `where ${predicate}` : "for every row"}, database has ${found.predicate ? `where ${found.predicate}` : "every row"}`,
        );
      }
    }

    const tableForeignKeys = foreignKeys.filter((fk) => fk.table === table);
    const relations = model.fields.filter(
      (f) => f.kind === "object" && f.relationFromFields?.length,
    );
    for (const relation of relations) {
      const from = (relation.relationFromFields ?? []).map((name) => fieldColumn(model, name));
      const where = `${model.name}.${relation.name}`;
      const fk = tableForeignKeys.find((k) => k.columns.join(",") === from.join(","));
      if (!fk) {
        mismatches.push(`${where}: no foreign key on (${from.join(", ")}) in the database`);
        continue;
      }
      const target = modelTables.get(relation.type) ?? relation.type;
      const targetModel = datamodel.models.find((m) => m.name === relation.type);
      const to = (relation.relationToFields ?? []).map((name) =>
        targetModel ? fieldColumn(targetModel, name) : name,
      );
      if (fk.referenced !== target || fk.referenced_columns.join(",") !== to.join(",")) {
        mismatches.push(
          `${where}: foreign key references ${fk.referenced}(${fk.referenced_columns}), expected ${target}(${to})`,
        );
      }
      const optional = from.some((column) => dbColumns.get(column)?.is_nullable === "YES");
      const onDelete = relation.relationOnDelete ?? (optional ? "SetNull" : "Restrict");
      if (FK_ACTIONS[fk.on_delete] !== onDelete) {
        mismatches.push(
          `${where}: ON DELETE should be ${onDelete}, database has ${FK_ACTIONS[fk.on_delete]}`,
        );
      }
      const onUpdate = relation.relationOnUpdate ?? "Cascade";
      if (FK_ACTIONS[fk.on_update] !== onUpdate) {
        mismatches.push(
          `${where}: ON UPDATE should be ${onUpdate}, database has ${FK_ACTIONS[fk.on_update]}`,
        );
      }
    }
    for (const fk of tableForeignKeys) {
      if (
        !relations.some(
          (r) =>
            (r.relationFromFields ?? []).map((n) => fieldColumn(model, n)).join(",") ===
            fk.columns.join(","),
        )
      ) {
        mismatches.push(
          `${model.name}: foreign key ${fk.name} in the database is not in schema.prisma`,
        );
      }
    }
  }

  for (const table of tables) {
    if (![...modelTables.values()].includes(table))
      mismatches.push(`table "${table}" in the database has no model`);
  }
  for (const index of indexes) {
    const kind = index.primary ? "primary key" : index.unique ? "unique index" : "index";
    if (!expectedIndexes.has(columnsKey(index.table, index.columns) + kind)) {
      mismatches.push(
        `${kind} ${index.name} on ${index.table}(${index.columns.join(", ")}) is not in schema.prisma`,
      );
    }
  }
  for (const enumType of datamodel.enums) {
    const name = enumType.dbName ?? enumType.name;
    const found = enums.find((e) => e.name === name);
    const values = enumType.values.map((v) => v.dbName ?? v.name);
    if (!found) mismatches.push(`enum ${enumType.name}: no type in the database`);
    else if (found.values.join(",") !== values.join(",")) {
      mismatches.push(
        `enum ${enumType.name}: values should be ${values.join(", ")}, database has ${found.values.join(", ")}`,
      );
    }
  }
  for (const found of enums) {
    if (!datamodel.enums.some((e) => (e.dbName ?? e.name) === found.name)) {
      mismatches.push(`enum type "${found.name}" in the database is not in schema.prisma`);
    }
  }
  return mismatches;
}

type DatabaseRefusal = {
  message: string;
  meta?: { driverAdapterError?: { cause?: { originalMessage?: string } } };
};

async function databaseMessageOf(promise: Promise<unknown>): Promise<string> {
  const error: DatabaseRefusal = await promise.then(
    () => new Error("expected the database to refuse, but it did not"),
    (caught: DatabaseRefusal) => caught,
  );
  return error.meta?.driverAdapterError?.cause?.originalMessage ?? error.message;
}

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.close());

describe(`schema.prisma and the migrated database`, () => {
  it("parse to a non-trivial model (the comparison has something to compare)", () => {
    expect(datamodel.models.map((m) => m.name)).toEqual(
      expect.arrayContaining(["Invoice", "LedgerEntry"]),
    );
    expect(datamodel.indexes.length).toBeGreaterThan(30);
    expect(datamodel.enums.length).toBeGreaterThan(5);
  });

  it(`match exactly (${process.env.TEST_DATABASE_URL ? "postgresql" : "pglite"})`, async () => {
    expect(await db.withSql(findSchemaDrift)).toEqual([]);
  });

  it("are reported precisely when they drift apart", async () => {
    const mismatches = await db.withSql(async (sql) => {
      // DDL is transactional in PostgreSQL: the sabotage is rolled back and other tests never see it.
      await sql.exec("BEGIN");
      try {
        await sql.exec(`
          ALTER TABLE "Customer" ALTER COLUMN "email" SET NOT NULL;
          DROP INDEX "Customer_organizationId_name_idx";
          ALTER TABLE "Plan" DROP COLUMN "nameEn";
          ALTER TABLE "Plan" ALTER COLUMN "vatRate" SET DEFAULT 12;
          ALTER TABLE "Invoice" DROP CONSTRAINT "Invoice_customerId_fkey";
          ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_customerId_fkey" FOREIGN KEY ("customerId")
            REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;
          ALTER TABLE "InvoiceLine" ALTER COLUMN "periodStart" TYPE TIMESTAMP(3);
          ALTER TYPE "InvoiceStatus" ADD VALUE 'DISPUTED';
          DROP INDEX "PaymentAttempt_one_payable_per_invoice";
          CREATE UNIQUE INDEX "PaymentAttempt_one_payable_per_invoice" ON "PaymentAttempt"("invoiceId")
            WHERE "status" = 'CREATED';
          CREATE TABLE "Stray" ("id" TEXT PRIMARY KEY);`);
        return await findSchemaDrift(sql);
      } finally {
        await sql.exec("ROLLBACK");
      }
    });
    expect(mismatches.sort()).toEqual(
      [
        "Customer.email: optional in schema.prisma but NOT NULL in the database",
        "Customer: no index on (organizationId, name) in the database",
        "Plan.nameEn: no column in the database",
        "Plan.vatRate: default should be 25, database has 12",
        "Invoice.customer: ON DELETE should be Restrict, database has Cascade",
        "InvoiceLine.periodStart: expected date, database has timestamp without time zone",
        "enum InvoiceStatus: values should be DRAFT, OPEN, PAID, CREDITED, OVERDUE, database has DRAFT, OPEN, PAID, CREDITED, OVERDUE, DISPUTED",
        'table "Stray" in the database has no model',
        `PaymentAttempt: unique index on (invoiceId) should hold where status IN ('CREATED', 'PROCESSING'), database has where (status = 'CREATED'::"PaymentAttemptStatus")`,
        "primary key Stray_pkey on Stray(id) is not in schema.prisma",
      ].sort(),
    );
    expect(await db.withSql(findSchemaDrift)).toEqual([]);
  });
});

describe("the ledger", () => {
  it("takes new entries but the database refuses to UPDATE or DELETE them", async () => {
    const organization = await createOrganization(db.prisma);
    const customer = await createCustomer(db.prisma, organization.id);
    const draft = await createDraft(db.prisma, {
      organizationId: organization.id,
      customerId: customer.id,
    });
    const entry = await db.prisma.ledgerEntry.create({
      data: { organizationId: organization.id, invoiceId: draft.id, kind: "FEE", amountOre: 6000 },
    });

    // Prisma reports the trigger under different codes per adapter (P2039 on PGlite, P2003 on
    // pg); the database's own words travel in the driver adapter's cause.
    expect(
      await databaseMessageOf(
        db.prisma.ledgerEntry.update({ where: { id: entry.id }, data: { amountOre: 1 } }),
      ),
    ).toBe("LedgerEntry is append-only: UPDATE is not allowed");
    expect(await databaseMessageOf(db.prisma.ledgerEntry.delete({ where: { id: entry.id } }))).toBe(
      "LedgerEntry is append-only: DELETE is not allowed",
    );
    await expect(
      db.withSql((sql) => sql.query(`DELETE FROM "LedgerEntry" WHERE "id" = $1`, [entry.id])),
    ).rejects.toThrow(/append-only: DELETE/);
    await expect(
      db.withSql((sql) =>
        sql.query(`UPDATE "LedgerEntry" SET "memo" = 'x' WHERE "id" = $1`, [entry.id]),
      ),
    ).rejects.toThrow(/append-only: UPDATE/);

    const stored = await db.prisma.ledgerEntry.findUniqueOrThrow({ where: { id: entry.id } });
    expect(stored).toMatchObject({ amountOre: 6000, memo: null });
  });
});
