import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { BankParseError } from "@/server/bank/bank-parse-error";
import type { ParsedBank } from "@/server/bank/parse-bank-document";
import { exportCommand, importCommand } from "@/server/cli/bank-commands";
import { readBankFile } from "@/server/services/bank/reader/read-file";
import { AppError } from "@/server/platform/errors";

/**
 * `npm run bank -- <command> …`. stdout carries only the command's result (JSON), so that it can be
 * piped; everything meant for a person goes to stderr. Exit codes: 0 done, 1 bad input, 2 bad usage.
 */

const USAGE = `usage: npm run bank -- parse <files...> | import <files...> | export
  parse   print the question bank parsed from each file as JSON (one document per file, in an array),
          each with its parse report: how questions were found, and every passage not used
  import  store each file as a shared, read-only document for every account (DATABASE_URL, or the
          embedded PostgreSQL in DATA_DIR)
  export  print the shared documents as JSON, in the shape parse prints`;

type Command = (args: string[]) => Promise<number>;

async function parse(files: string[]): Promise<number> {
  if (files.length === 0) {
    process.stderr.write(`parse needs at least one file.\n${USAGE}\n`);
    return 2;
  }
  const documents: (ParsedBank["document"] & { report: ParsedBank["report"] })[] = [];
  let failed = 0;
  for (const file of files) {
    try {
      // Read as an upload is (PDF, .docx and HTML converted, starting diagrams drawn): what import would store.
      const { document, report } = await readBankFile({ bytes: await readFile(file), sourceFile: basename(file), otherNamesAsText: true });
      documents.push({ ...document, report });
      const followUps = document.questions.reduce((n, q) => n + q.followUps.length, 0);
      const unused = report.unused.length === 0 ? "" : `; warning: ${report.unused.length} passages not used (see report.unused)`;
      process.stderr.write(`${file}: ${document.questions.length} questions, ${followUps} follow-ups${unused}\n`);
    } catch (error) {
      failed++;
      if (error instanceof BankParseError || error instanceof AppError) process.stderr.write(`${error.message} [${error.code}]\n`);
      else if (error instanceof Error && "code" in error && error.code === "ENOENT") process.stderr.write(`${file}: no such file.\n`);
      else if (error instanceof Error && "code" in error && error.code === "EISDIR") process.stderr.write(`${file}: is a directory.\n`);
      else throw error;
    }
  }
  if (failed > 0) return 1;
  process.stdout.write(`${JSON.stringify(documents, null, 2)}\n`);
  return 0;
}

const COMMANDS: Record<string, Command> = { parse, import: importCommand, export: exportCommand };

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name === undefined ? undefined : COMMANDS[name];
  if (!command) {
    process.stderr.write(`${name === undefined ? "No command given." : `Unknown command "${name}".`}\n${USAGE}\n`);
    return 2;
  }
  return command(args);
}

process.exitCode = await main(process.argv.slice(2));
