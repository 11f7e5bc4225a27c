"use client";

import { useMutation } from "@tanstack/react-query";
import { Flag } from "lucide-react";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { errorMessage } from "@/components/providers/trpc-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { textareaClass } from "@/components/room/scorecard/autosave-text";
import { REPORT_REASON_MAX } from "@/server/api/routers/practice/report.schema";

/** Reporting the partner: what happened, in one's own words; it also keeps the two from being matched again. */
export function ReportPartner({ peerSessionId, partnerName }: { peerSessionId: string; partnerName: string }) {
  const trpc = useTRPC();
  const report = useMutation(trpc.practice.report.mutationOptions());
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");

  if (report.isSuccess) return <p className="text-[13px] text-muted-foreground">Reported. You will not be matched with {partnerName} again.</p>;
  if (!open)
    return (
      <Button variant="ghost" size="sm" onClick={() => setOpen(true)}>
        <Flag aria-hidden />
        Report {partnerName}
      </Button>
    );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    report.mutate({ peerSessionId, reason });
  }
  return (
    <form onSubmit={onSubmit} className="grid w-80 gap-2" aria-label={`Report ${partnerName}`}>
      <Label htmlFor="report-reason">What happened?</Label>
      <textarea
        id="report-reason"
        rows={3}
        maxLength={REPORT_REASON_MAX}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        className={textareaClass}
      />
      {report.isError ? <Alert variant="error">{errorMessage(report.error)}</Alert> : null}
      <div className="flex gap-2">
        <Button type="submit" size="sm" variant="destructive" loading={report.isPending} disabled={reason.trim() === ""}>
          Report and block
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
