// pdfjs-dist types its API but not its worker module, which pdf.ts loads on the main thread (no worker URL).
declare module "pdfjs-dist/legacy/build/pdf.worker.mjs" {
  export const WorkerMessageHandler: unknown;
}
