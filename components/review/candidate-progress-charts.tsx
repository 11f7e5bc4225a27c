"use client";

import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { axisTick, gridStroke, oneDecimal, SERIES, shortDate, tooltipStyle } from "@/components/review/chart-theme";
import { FiguresTable } from "@/components/ui/table";
import type { CandidateProgress } from "@/server/domain/review/progress";

/** How many competencies get a line: more than this is unreadable; the table lists them all. */
const MAX_LINES = 6;

function Panel({ title, description, children }: { title: string; description?: string; children: React.ReactNode }) {
  return (
    <figure className="grid gap-3 rounded-xl border bg-card p-5 shadow-xs">
      <figcaption>
        <h3 className="text-[15px] font-semibold">{title}</h3>
        {description ? <p className="text-[13px] text-muted-foreground">{description}</p> : null}
      </figcaption>
      {children}
    </figure>
  );
}

export function CandidateProgressCharts({ progress }: { progress: CandidateProgress }) {
  const lines = progress.competencies.slice(0, MAX_LINES);
  const data = progress.sessions.map((session) => ({
    name: `${shortDate(session.date)} · ${session.title}`,
    date: shortDate(session.date),
    overall: session.overall,
    ...session.competencies,
  }));
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <div className="lg:col-span-2">
        <Panel
          title="Scores per competency"
          description={
            progress.sessions.length === 0
              ? "No scores yet: they appear once an interviewer releases them and you have rated yourself (or skipped it)."
              : `1 Missed · 2 Partial · 3 Solid · 4 Exceptional, as released to you: the mean of the criteria under each competency. A session counts for a competency only where one of its criteria was rated (not “no evidence”).${progress.withoutScores > 0 ? ` ${progress.withoutScores} ended session(s) without scores you can see.` : ""}`
          }
        >
          {progress.sessions.length > 0 ? (
            <>
              <CompetencyChart data={data} lines={lines} />
              <FiguresTable
                first="Competency"
                columns={[{ label: "Sessions rated", title: "Sessions where it was rated" }, { label: "Mean" }, { label: "Latest" }]}
                rows={progress.competencies.map((competency) => ({
                  key: competency.key,
                  header: competency.title,
                  cells: [competency.sessions, oneDecimal(competency.mean), oneDecimal(competency.latest)],
                }))}
              />
            </>
          ) : null}
        </Panel>
      </div>
      <CoveragePanel
        title="Documents covered"
        description="Questions you were asked, by the document they come from."
        items={progress.coverage.documents}
        testId="documents-chart"
      />
      <CoveragePanel
        title="Topics covered"
        description="By the section of the document each question sits in."
        items={progress.coverage.topics}
        testId="topics-chart"
      />
    </div>
  );
}

function CoveragePanel({
  title,
  description,
  items,
  testId,
}: {
  title: string;
  description: string;
  items: CandidateProgress["coverage"]["documents"];
  testId: string;
}) {
  const shown = items.slice(0, 10);
  return (
    <Panel title={title} description={description}>
      {shown.length === 0 ? (
        <p className="text-sm text-muted-foreground">Nothing yet.</p>
      ) : (
        <div style={{ height: 48 + shown.length * 32 }} data-testid={testId}>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={shown} layout="vertical" margin={{ top: 0, right: 16, bottom: 0, left: 0 }}>
              <CartesianGrid stroke={gridStroke} strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" allowDecimals={false} tick={axisTick} stroke={gridStroke} />
              <YAxis
                type="category"
                dataKey="title"
                width={160}
                tick={axisTick}
                stroke={gridStroke}
                tickFormatter={(value: string) => (value.length > 24 ? `${value.slice(0, 23)}…` : value)}
              />
              <Tooltip {...tooltipStyle} cursor={{ fill: "var(--color-accent)" }} />
              <Bar dataKey="questions" name="Questions asked" fill={SERIES[0]} radius={[0, 4, 4, 0]} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
    </Panel>
  );
}

function CompetencyChart({ data, lines }: { data: Array<Record<string, string | number | null>>; lines: CandidateProgress["competencies"] }) {
  return (
    <div className="h-72" data-testid="competency-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: -16 }}>
          <CartesianGrid stroke={gridStroke} strokeDasharray="3 3" />
          <XAxis dataKey="date" tick={axisTick} stroke={gridStroke} />
          <YAxis domain={[1, 4]} ticks={[1, 2, 3, 4]} tick={axisTick} stroke={gridStroke} />
          <Tooltip
            {...tooltipStyle}
            formatter={(value) => oneDecimal(typeof value === "number" ? value : null)}
            labelFormatter={(_, payload) => payload?.[0]?.payload?.name ?? ""}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {lines.map((competency, i) => (
            <Line
              key={competency.key}
              type="monotone"
              dataKey={competency.key}
              name={competency.title}
              stroke={SERIES[i % SERIES.length]}
              strokeWidth={2}
              dot={{ r: 3 }}
              connectNulls
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
