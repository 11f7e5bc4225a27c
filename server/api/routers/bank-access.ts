import { protectedProcedure } from "@/server/api/trpc";
import { bankReadScope, canImportToBank } from "@/server/domain/bank/policy";
import { AppError } from "@/server/errors";

/** Base of the bank's read procedures: signed in, with the bank policy's read scope in the context. */
export const bankReadProcedure = protectedProcedure.use(({ ctx, next }) => {
  const scope = bankReadScope(ctx.user);
  if (!scope) throw new AppError("FORBIDDEN", "Guests cannot use the question bank; sign up to do that.");
  return next({ ctx: { ...ctx, scope } });
});

/** Base of the procedures that add to or change the bank; which document may change is decided per document. */
export const bankWriteProcedure = bankReadProcedure.use(({ ctx, next }) => {
  if (!canImportToBank(ctx.user)) throw new AppError("FORBIDDEN", "Guests cannot import or edit questions; sign up to do that.");
  return next();
});
