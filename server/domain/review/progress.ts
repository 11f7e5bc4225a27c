import { isStaff } from "../room/policy";
import type { Role, RoomState } from "../room/room-state";
import type { CandidateView, StaffView } from "../room/view-for";
import { criterionAgreement } from "../scoring/agreement";
import { competencyOf } from "../scoring/competencies";
import type { ReleasedScores } from "../scoring/feedback";
import { isLevel } from "../scoring/scale";

/** The most recent ended sessions progress looks at: enough for a trend, bounded for the page's time. */
export const PROGRESS_SESSIONS = 100;

/**
 * Progress across sessions, from each session's view for the person asking: a candidate's scores are the
 * ones released to them (and shown, after their self-assessment); a scorer's calibration uses only the
 * cards their view holds (the others' once theirs is submitted).
 */

export interface ProgressSession<V> {
  sessionId: string;
  title: string;
  date: string;
  view: V;
}

export interface CandidateProgress {
  /** Sessions with released scores the candidate may see, oldest first; `competencies` holds only those rated in the session, by key. */
  sessions: Array<{ sessionId: string; title: string; date: string; overall: number | null; competencies: Record<string, number> }>;
  /** Every competency rated in those sessions, most often rated first; `sessions` counts those where it was rated. */
  competencies: Array<{ key: string; title: string; sessions: number; mean: number | null; latest: number | null }>;
  coverage: { documents: Coverage[]; topics: Coverage[] };
  /** Ended sessions whose scores are not (yet) theirs to see: none released, or their self-assessment pending. */
  withoutScores: number;
}

export interface Coverage {
  title: string;
  questions: number;
  sessions: number;
}

/** Where an asked question came from: its document and its topic (the innermost heading above it). */
export interface QuestionSource {
  sessionId: string;
  document: string | null;
  topic: string | null;
}

/**
 * The sources of the questions asked in a session the viewer took or ran. A candidate learns them once the
 * interview has ended, as part of looking back on it (never during it, when the section could hint at
 * what comes); staff see them throughout. Only asked questions count.
 */
export function questionSources(state: RoomState, viewer: { role: Role }): QuestionSource[] {
  if (!isStaff(viewer.role) && state.status !== "ended") return [];
  return state.questions
    .filter((question) => state.visitedQuestionIds.includes(question.id))
    .map((question) => {
      const document = question.meta["documentTitle"];
      const section = question.section.filter((part) => part !== document).at(-1);
      return { sessionId: state.sessionId, document: typeof document === "string" ? document : null, topic: section ?? null };
    });
}

/**
 * A session's score per competency from the released criteria the candidate may see: the mean of the
 * levels of each competency's criteria. A competency whose criteria were all "no evidence" or unrated was
 * not assessed in that session and is left out, so it neither counts as a session nor draws a point.
 */
export function ratedCompetencies(scores: ReleasedScores): Map<string, { title: string; levels: number[] }> {
  const rated = new Map<string, { title: string; levels: number[] }>();
  for (const question of scores.questions)
    for (const criterion of question.criteria) {
      if (!isLevel(criterion.rating)) continue;
      const { key, name } = criterion.competency ?? competencyOf({ prompt: question.prompt, section: [], meta: {} }, { title: criterion.title, lookFor: [] });
      const entry = rated.get(key) ?? { title: name, levels: [] };
      entry.levels.push(criterion.rating);
      rated.set(key, entry);
    }
  return rated;
}

export function candidateProgress(sessions: ReadonlyArray<ProgressSession<CandidateView>>, sources: readonly QuestionSource[]): CandidateProgress {
  const ordered = [...sessions].sort((a, b) => a.date.localeCompare(b.date));
  const titles = new Map<string, string>();
  const scored = ordered.flatMap((session) => {
    const scores = session.view.feedback?.scores;
    if (!scores) return [];
    const competencies: Record<string, number> = {};
    for (const [key, { title, levels }] of ratedCompetencies(scores)) {
      titles.set(key, title);
      competencies[key] = levels.reduce((sum, level) => sum + level, 0) / levels.length;
    }
    return [{ sessionId: session.sessionId, title: session.title, date: session.date, overall: scores.overall, competencies }];
  });
  const competencies = [...titles].map(([key, title]) => {
    const levels = scored.flatMap((session) => (key in session.competencies ? [session.competencies[key]!] : []));
    return { key, title, sessions: levels.length, mean: mean(levels), latest: levels.at(-1) ?? null };
  });
  competencies.sort((a, b) => b.sessions - a.sessions || a.title.localeCompare(b.title));
  return {
    sessions: scored,
    competencies,
    coverage: { documents: coverage(sources, (source) => source.document), topics: coverage(sources, (source) => source.topic) },
    withoutScores: ordered.length - scored.length,
  };
}

export interface Calibration {
  /** Per session where the viewer's card and another scorer's are both visible to them, oldest first. */
  sessions: Array<{ sessionId: string; title: string; date: string; pairs: number; meanDifference: number | null }>;
  /** Per competency: the viewer's level minus each other scorer's, on the criteria both rated on the scale. */
  competencies: Array<{ key: string; title: string } & Agreement>;
  overall: Agreement;
}

export interface Agreement {
  pairs: number;
  /** Mean of (your level − theirs): positive when you score higher than the others. */
  meanDifference: number | null;
  /** Share of pairs on the same level, and within one level. */
  exact: number | null;
  adjacent: number | null;
}

interface Pair {
  key: string;
  title: string;
  sessionId: string;
  difference: number;
}

/** How the viewer's scores compare with the other scorers' on the same criteria, from their staff views. */
export function calibration(sessions: ReadonlyArray<ProgressSession<StaffView>>): Calibration {
  const ordered = [...sessions].sort((a, b) => a.date.localeCompare(b.date));
  const pairs: Pair[] = [];
  for (const session of ordered) {
    const { mine, others } = session.view.scoring;
    if (!mine || !others || others.length === 0) continue;
    const asked = session.view.questions.filter((question) => question.asked);
    for (const row of criterionAgreement([mine, ...others], asked)) {
      const my = row.ratings.find((entry) => entry.scorerId === mine.scorerId)?.rating;
      const question = asked.find((entry) => entry.id === row.questionId);
      const criterion = question?.rubric[row.criterion];
      if (!isLevel(my) || !question || !criterion) continue;
      const { key, name } = competencyOf(question, criterion);
      for (const entry of row.ratings) {
        if (entry.scorerId === mine.scorerId || !isLevel(entry.rating)) continue;
        pairs.push({ key, title: name, sessionId: session.sessionId, difference: my - entry.rating });
      }
    }
  }
  const byKey = new Map<string, Pair[]>();
  for (const pair of pairs) byKey.set(pair.key, [...(byKey.get(pair.key) ?? []), pair]);
  return {
    sessions: ordered.flatMap((session) => {
      const mine = pairs.filter((pair) => pair.sessionId === session.sessionId);
      return mine.length === 0
        ? []
        : [{ sessionId: session.sessionId, title: session.title, date: session.date, pairs: mine.length, meanDifference: agreement(mine).meanDifference }];
    }),
    competencies: [...byKey]
      .map(([key, group]) => ({ key, title: group[0]!.title, ...agreement(group) }))
      .sort((a, b) => b.pairs - a.pairs || a.title.localeCompare(b.title)),
    overall: agreement(pairs),
  };
}

function agreement(pairs: readonly Pair[]): Agreement {
  const share = (test: (pair: Pair) => boolean) => (pairs.length === 0 ? null : pairs.filter(test).length / pairs.length);
  return {
    pairs: pairs.length,
    meanDifference: mean(pairs.map((pair) => pair.difference)),
    exact: share((pair) => pair.difference === 0),
    adjacent: share((pair) => Math.abs(pair.difference) <= 1),
  };
}

function coverage(sources: readonly QuestionSource[], keyOf: (source: QuestionSource) => string | null): Coverage[] {
  const groups = new Map<string, { questions: number; sessions: Set<string> }>();
  for (const source of sources) {
    const key = keyOf(source);
    if (!key) continue;
    const group = groups.get(key) ?? { questions: 0, sessions: new Set<string>() };
    group.questions += 1;
    group.sessions.add(source.sessionId);
    groups.set(key, group);
  }
  return [...groups]
    .map(([title, group]) => ({ title, questions: group.questions, sessions: group.sessions.size }))
    .sort((a, b) => b.questions - a.questions || a.title.localeCompare(b.title));
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}
