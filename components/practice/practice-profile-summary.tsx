import { Pencil } from "lucide-react";
import type { ReactNode } from "react";
import type { PracticeProfile } from "@/components/practice/practice-profile-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { LEVEL_LABELS } from "@/server/domain/practice/levels";

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 sm:grid-cols-[9rem_minmax(0,1fr)] sm:gap-4">
      <dt className="text-[13px] font-medium text-muted-foreground">{term}</dt>
      <dd className="text-sm">{children}</dd>
    </div>
  );
}

/** The saved profile, read-only, with the way back into the form. */
export function PracticeProfileSummary({ profile, onEdit }: { profile: PracticeProfile; onEdit: () => void }) {
  return (
    <div className="grid gap-5" data-testid="practice-profile-summary">
      <dl className="grid gap-3.5">
        <Row term="Topics">
          <span className="flex flex-wrap gap-1.5">
            {profile.topics.map((topic) => (
              <Badge key={topic} variant="outline" className="whitespace-normal">
                {topic}
              </Badge>
            ))}
          </span>
        </Row>
        <Row term="Level">{LEVEL_LABELS[profile.level]}</Row>
        <Row term="Languages">{profile.languages.length > 0 ? profile.languages.join(", ") : <span className="text-muted-foreground">Any</span>}</Row>
        <Row term="Time zone">{profile.timeZone?.replaceAll("_", " ") ?? <span className="text-muted-foreground">Your browser&apos;s</span>}</Row>
      </dl>
      <Button variant="outline" size="sm" className="w-fit" onClick={onEdit}>
        <Pencil aria-hidden />
        Edit
      </Button>
    </div>
  );
}
