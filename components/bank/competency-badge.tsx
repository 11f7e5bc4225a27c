import { Badge } from "@/components/ui/badge";
import type { CompetencySet } from "@/server/domain/scoring/competency-set";

/** The competency a criterion is scored under, by name ("proposed when saved" for one not chosen yet). */
export function CompetencyBadge({ competencies, competency }: { competencies: CompetencySet; competency: string | undefined }) {
  const found = competencies.find((entry) => entry.key === competency);
  return (
    <Badge variant="outline" title={found?.description} data-testid="criterion-competency">
      {found?.name ?? "Competency proposed when saved"}
    </Badge>
  );
}
