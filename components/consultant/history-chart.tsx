"use client";
/** Money at risk over time as a line chart; the table after it (aria-describedby) carries the same figures. */
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney } from "@/lib/results/format";

export interface HistoryPoint {
  readonly id: string;
  /** Short date label for the axis. */
  readonly label: string;
  readonly loss: number;
}

export function HistoryChart({ points, currency, tableId }: { points: readonly HistoryPoint[]; currency: string; tableId: string }) {
  const data = points.map((p) => ({ ...p }));
  const first = points[0];
  const last = points[points.length - 1];
  const summary =
    first && last && points.length > 1
      ? `Line chart of money at risk a year over ${points.length} assessments, from ${formatMoney(first.loss, currency)} to ${formatMoney(last.loss, currency)}; the figures are in the table below.`
      : "Line chart of money at risk a year; the figures are in the table below.";
  return (
    <figure className="space-y-2" aria-describedby={tableId}>
      <figcaption className="font-medium">Money at risk a year, assessment by assessment</figcaption>
      <div role="img" aria-label={summary}>
        <LineChart accessibilityLayer={false} responsive style={{ width: "100%", height: 260 }} data={data} margin={{ left: 16, right: 24, top: 8, bottom: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" />
          <YAxis tickFormatter={(v: number) => formatMoney(v, currency)} width={90} />
          <Tooltip formatter={(v) => formatMoney(Number(v), currency)} />
          <Line type="monotone" dataKey="loss" name="Money at risk a year" stroke="#b91c1c" strokeWidth={2} dot isAnimationActive={false} />
        </LineChart>
      </div>
    </figure>
  );
}
