import { readFile } from "node:fs/promises";
import { getDMMF } from "@prisma/internals";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileDatabase } from "../support/db";

// prisma migrate cannot run offline, so the SQL migrations are written by hand; this proves that the
// database they build is exactly the one schema.prisma describes to the Prisma client.

type Dmmf = Awaited<ReturnType<typeof getDMMF>>;
type Model = Dmmf["datamodel"]["models"][number];
type Field = Model["fields"][number];

const scalarTypes: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Boolean: "boolean",
  Json: "jsonb",
  Decimal: "numeric",
  Bytes: "bytea",
};

function expectedType(field: Field, enums: Set<string>): string {
  if (enums.has(field.type)) return field.isList ? `${field.type}[]` : field.type;
  let base: string;
  if (field.type === "DateTime") {
    const [nativeName, args] = field.nativeType ?? ["Timestamp", ["3"]];
    const zone = nativeName === "Timestamptz" ? "with time zone" : "without time zone";
    base = `timestamp(${args[0] ?? "3"}) ${zone}`;
  } else {
    base = scalarTypes[field.type] ?? `unknown:${field.type}`;
  }
  return field.isList ? `${base}[]` : base;
}

interface ColumnShape {
  type: string;
  nullable: boolean;
}

let client: pg.Client;
let dmmf: Dmmf;
let schemaSource: string;

/** Unsupported("…") fields (e.g. a generated tsvector) are missing from the DMMF; they are read from the schema text. */
function unsupportedColumns(modelName: string): Array<[string, ColumnShape]> {
  const body = new RegExp(`^model ${modelName} \\{([\\s\\S]*?)^\\}`, "m").exec(schemaSource)?.[1] ?? "";
  return [...body.matchAll(/^\s*(\w+)\s+Unsupported\("([^"]+)"\)(\?)?/gm)].map((m) => [m[1] ?? "", { type: m[2] ?? "", nullable: m[3] === "?" }]);
}

beforeAll(async () => {
  schemaSource = await readFile("prisma/schema.prisma", "utf8");
  dmmf = await getDMMF({ datamodel: schemaSource });
  const { url, db } = await fileDatabase();
  await db.$disconnect();
  client = new pg.Client({ connectionString: url });
  await client.connect();
});

afterAll(async () => {
  await client.end();
});

async function actualColumns(): Promise<Map<string, Map<string, ColumnShape>>> {
  const { rows } = await client.query<{ table_name: string; column_name: string; type: string; nullable: boolean }>(`
    SELECT c.relname AS table_name, a.attname AS column_name,
           format_type(a.atttypid, a.atttypmod) AS type, NOT a.attnotnull AS nullable
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
      AND c.relname <> 'schema_migrations'`);
  const tables = new Map<string, Map<string, ColumnShape>>();
  for (const row of rows) {
    const columns = tables.get(row.table_name) ?? new Map<string, ColumnShape>();
    columns.set(row.column_name, { type: row.type.replaceAll('"', ""), nullable: row.nullable });
    tables.set(row.table_name, columns);
  }
  return tables;
}

/**
 * The unique keys, written "Table(a,b)"; a partial one (unique only among the rows its WHERE picks, which
 * schema.prisma cannot say) ends with its predicate, " WHERE (…)".
 */
async function actualUniqueKeys(): Promise<Set<string>> {
  const { rows } = await client.query<{ table_name: string; columns: string[]; predicate: string | null }>(`
    SELECT t.relname AS table_name,
           array_agg(a.attname::text ORDER BY array_position(i.indkey::int2[], a.attnum)) AS columns,
           pg_get_expr(i.indpred, i.indrelid) AS predicate
    FROM pg_index i
    JOIN pg_class t ON t.oid = i.indrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = ANY(i.indkey)
    WHERE n.nspname = 'public' AND i.indisunique AND t.relname <> 'schema_migrations'
    GROUP BY t.relname, i.indexrelid, i.indpred, i.indrelid`);
  return new Set(rows.map((row) => `${row.table_name}(${row.columns.join(",")})${row.predicate ? ` WHERE ${row.predicate}` : ""}`));
}

/**
 * Partial unique keys: the database's own guard where schema.prisma has no word for it. The code that
 * writes these tables turns their violation (P2002) into a clear CONFLICT; each is listed here on purpose.
 */
const PARTIAL_UNIQUE_KEYS = [
  // One booking per person per slot, among the bookings not cancelled (server/services/practice/slots.ts).
  'SlotBooking(userId,startsAt) WHERE ("cancelledAt" IS NULL)',
];

async function actualForeignKeys(): Promise<Set<string>> {
  const { rows } = await client.query<{ definition: string }>(`
    SELECT c.conrelid::regclass::text || ' ' || pg_get_constraintdef(c.oid) AS definition
    FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
    WHERE c.contype = 'f' AND n.nspname = 'public'`);
  return new Set(rows.map((row) => row.definition.replaceAll('"', "")));
}

const onDeleteSql: Record<string, string> = { Cascade: "ON DELETE CASCADE", SetNull: "ON DELETE SET NULL", Restrict: "ON DELETE RESTRICT" };

describe("the migrated database matches prisma/schema.prisma", () => {
  it("has exactly the models' tables and columns, with the same types and nullability", async () => {
    const enums = new Set(dmmf.datamodel.enums.map((e) => e.name));
    const expected = new Map<string, Map<string, ColumnShape>>();
    for (const model of dmmf.datamodel.models) {
      const columns = new Map<string, ColumnShape>();
      for (const field of model.fields.filter((f) => f.kind !== "object")) {
        columns.set(field.dbName ?? field.name, {
          type: expectedType(field, enums),
          // Scalar lists are NOT NULL DEFAULT '{}' in the SQL: Prisma treats them as always present.
          nullable: !field.isRequired && !field.isList,
        });
      }
      for (const [name, shape] of unsupportedColumns(model.name)) columns.set(name, shape);
      expected.set(model.dbName ?? model.name, columns);
    }
    const actual = await actualColumns();
    expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [table, columns] of expected) {
      expect(Object.fromEntries(actual.get(table) ?? []), table).toEqual(Object.fromEntries(columns));
    }
  });

  it("has the enums with the same values", async () => {
    const { rows } = await client.query<{ name: string; values: string[] }>(`
      SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`);
    const actual = Object.fromEntries(rows.map((row) => [row.name, row.values]));
    const expected = Object.fromEntries(dmmf.datamodel.enums.map((e) => [e.name, e.values.map((v) => v.dbName ?? v.name)]));
    expect(actual).toEqual(expected);
  });

  it("has every primary key and unique constraint, and no others", async () => {
    const expected = new Set<string>();
    for (const model of dmmf.datamodel.models) {
      const table = model.dbName ?? model.name;
      const column = (name: string) => model.fields.find((f) => f.name === name)?.dbName ?? name;
      for (const field of model.fields) {
        if (field.isId || field.isUnique) expected.add(`${table}(${column(field.name)})`);
      }
      if (model.primaryKey) expected.add(`${table}(${model.primaryKey.fields.map(column).join(",")})`);
      for (const unique of model.uniqueIndexes) expected.add(`${table}(${unique.fields.map(column).join(",")})`);
    }
    for (const partial of PARTIAL_UNIQUE_KEYS) expected.add(partial);
    expect([...(await actualUniqueKeys())].sort()).toEqual([...expected].sort());
  });

  it("has every relation as a foreign key with the same delete rule", async () => {
    const expected = new Set<string>();
    for (const model of dmmf.datamodel.models) {
      for (const field of model.fields) {
        if (field.kind !== "object" || !field.relationFromFields?.length) continue;
        const target = dmmf.datamodel.models.find((m) => m.name === field.type);
        const onDelete = onDeleteSql[field.relationOnDelete ?? ""] ?? "";
        expected.add(
          `${model.dbName ?? model.name} FOREIGN KEY (${field.relationFromFields.join(", ")}) REFERENCES ${target?.dbName ?? field.type}(${(field.relationToFields ?? []).join(", ")}) ON UPDATE CASCADE ${onDelete}`.trim(),
        );
      }
    }
    expect([...(await actualForeignKeys())].sort()).toEqual([...expected].sort());
  });
});
