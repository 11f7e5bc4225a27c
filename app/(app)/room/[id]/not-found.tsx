import { DoorClosed } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";

export default function RoomNotFound() {
  return (
    <div className="mx-auto max-w-md px-4 py-24 text-center">
      <span aria-hidden className="mx-auto flex size-12 items-center justify-center rounded-full border bg-card shadow-xs">
        <DoorClosed className="size-5 text-muted-foreground" />
      </span>
      <h1 className="mt-5 text-lg font-semibold">This room is not open to you</h1>
      <p className="mt-2 text-sm text-muted-foreground">
        Either it does not exist, or you are not part of this interview. If you were sent an invite link, open that link to join.
      </p>
      <Button asChild variant="outline" className="mt-6">
        <Link href="/interviews">Your interviews</Link>
      </Button>
    </div>
  );
}
