export type { BankDocument, BankQuestion, ExampleScore, FollowUp, QuestionMeta, RubricCriterion } from "./bank-format";
export { BANK_FORMAT_VERSION, bankDocumentSchema, bankQuestionSchema } from "./bank-format";
export type { BankParseErrorCode } from "./bank-parse-error";
export { BankParseError, MAX_BANK_BYTES } from "./bank-parse-error";
export type { BankSource } from "./parse-bank-document";
export { parseBankDocument } from "./parse-bank-document";
