import { Alert } from "@/components/ui/alert";

/** What a guest (a candidate who joined through an invite) sees instead of the bank. */
export function GuestNotice() {
  return (
    <div className="mx-auto max-w-2xl px-4 py-12 sm:px-6">
      <Alert>
        The question bank holds reference answers and rubrics, so it is only open to accounts, not to guests who joined an interview
        through an invite link. Sign up to use it.
      </Alert>
    </div>
  );
}
