"use client";

import { Bar, BarChart, CartesianGrid, Cell, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { axisTick, gridStroke, percent, SERIES, shortDate, tooltipStyle } from "@/components/review/chart-theme";
import { FiguresTable } from "@/components/ui/table";
import type { Calibration } from "@/server/domain/review/progress";

const signed = (value: number | null) => (value === null ? "—" : `${value > 0 ? "+" : ""}${value.toFixed(2)}`);

export function CalibrationCharts({ calibration }: { calibration: Calibration }) {
  const { overall } = calibration;
  if (overall.pairs === 0) {
    return (
      <p className="rounded-xl border bg-card p-5 text-sm text-muted-foreground shadow-xs">
        Calibration needs a session where you and another scorer both submitted cards: the others&apos; cards are shown to you only once yours is in.
      </p>
    );
  }
  const competencies = calibration.competencies.slice(0, 12);
  return (
    <div className="grid gap-4">
      <CalibrationFigures overall={overall} />
      <figure className="grid gap-3 rounded-xl border bg-card p-5 shadow-xs">
        <figcaption>
          <h3 className="text-[15px] font-semibold">By competency</h3>
          <p className="text-[13px] text-muted-foreground">Your level minus each other scorer&apos;s on the same criterion. Right of zero: you score higher.</p>
        </figcaption>
        <div style={{ height: 48 + competencies.length * 32 }} data-testid="calibration-chart">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={competencies} layout="vertical" margin={{ top: 0, right: 16, bottom: 0, left: 0 }}>
              <CartesianGrid stroke={gridStroke} strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" domain={[-3, 3]} ticks={[-3, -2, -1, 0, 1, 2, 3]} tick={axisTick} stroke={gridStroke} />
              <YAxis
                type="category"
                dataKey="title"
                width={190}
                tick={axisTick}
                stroke={gridStroke}
                tickFormatter={(value: string) => (value.length > 28 ? `${value.slice(0, 27)}…` : value)}
              />
              <ReferenceLine x={0} stroke="var(--color-foreground)" />
              <Tooltip {...tooltipStyle} cursor={{ fill: "var(--color-accent)" }} formatter={(value) => signed(typeof value === "number" ? value : null)} />
              <Bar dataKey="meanDifference" name="Mean difference" radius={4} isAnimationActive={false}>
                {competencies.map((competency) => (
                  <Cell key={competency.key} fill={(competency.meanDifference ?? 0) >= 0 ? SERIES[0] : SERIES[2]} />
                ))}
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </div>
        <FiguresTable
          first="Competency"
          columns={[{ label: "Pairs" }, { label: "Difference" }, { label: "Same" }, { label: "±1" }]}
          rows={calibration.competencies.map((competency) => ({
            key: competency.key,
            header: competency.title,
            cells: [competency.pairs, signed(competency.meanDifference), percent(competency.exact), percent(competency.adjacent)],
          }))}
        />
      </figure>
      <CalibrationTrend sessions={calibration.sessions} />
    </div>
  );
}

function CalibrationFigures({ overall }: { overall: Calibration["overall"] }) {
  return (
    <dl className="grid grid-cols-2 gap-4 rounded-xl border bg-card p-5 shadow-xs sm:grid-cols-4">
      {[
        ["Criteria compared", String(overall.pairs)],
        ["Mean difference (you − others)", signed(overall.meanDifference)],
        ["Same level", percent(overall.exact)],
        ["Within one level", percent(overall.adjacent)],
      ].map(([label, value]) => (
        <div key={label} className="grid gap-0.5">
          <dt className="text-xs text-muted-foreground">{label}</dt>
          <dd className="text-lg font-semibold tabular-nums">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function CalibrationTrend({ sessions }: { sessions: Calibration["sessions"] }) {
  return (
    <figure className="grid content-start gap-3 rounded-xl border bg-card p-5 shadow-xs">
      <figcaption>
        <h3 className="text-[15px] font-semibold">Over time</h3>
        <p className="text-[13px] text-muted-foreground">Mean difference per session. Near zero means you and the others agree.</p>
      </figcaption>
      <div className="h-64" data-testid="calibration-trend">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={sessions.map((session) => ({ ...session, day: shortDate(session.date) }))} margin={{ top: 8, right: 16, bottom: 0, left: -16 }}>
            <CartesianGrid stroke={gridStroke} strokeDasharray="3 3" />
            <XAxis dataKey="day" tick={axisTick} stroke={gridStroke} />
            <YAxis domain={[-3, 3]} ticks={[-3, -2, -1, 0, 1, 2, 3]} tick={axisTick} stroke={gridStroke} />
            <ReferenceLine y={0} stroke="var(--color-foreground)" />
            <Tooltip
              {...tooltipStyle}
              formatter={(value) => signed(typeof value === "number" ? value : null)}
              labelFormatter={(_, payload) => payload?.[0]?.payload?.title ?? ""}
            />
            <Line type="monotone" dataKey="meanDifference" name="Mean difference" stroke={SERIES[0]} strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
