import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseBankDocument } from "./parse-bank-document";

/**
 * The seeds' whole parse, field for field, against files kept in tests/fixtures/bank/seeds-golden/: any
 * change to the importer that moves a seed's result shows up here as a diff to review (vitest -u to accept).
 */
const SEEDS = new URL("../../content/banks/", import.meta.url);
const seeds = readdirSync(SEEDS).filter((name) => /\.(?:txt|md)$/.test(name));

describe("the seeds' exact results", () => {
  it.each(seeds)("%s", async (name) => {
    const doc = parseBankDocument({ bytes: readFileSync(new URL(name, SEEDS)), sourceFile: name });
    await expect(`${JSON.stringify(doc, null, 2)}\n`).toMatchFileSnapshot(`../../tests/fixtures/bank/seeds-golden/${name}.json`);
  });
});
