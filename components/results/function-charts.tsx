"use client";
/** Downtime and loss per function as bar charts; the table after them carries the same figures. */
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { formatHours, formatMoney } from "@/lib/results/format";

export interface FunctionChartRow {
  readonly id: string;
  readonly name: string;
  readonly downtimeHours: number;
  readonly loss: number;
}

export function FunctionCharts({ rows, currency, tableId }: { rows: readonly FunctionChartRow[]; currency: string; tableId: string }) {
  const height = Math.max(120, 48 * rows.length + 40);
  const data = rows.map((r) => ({ ...r }));
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <figure className="space-y-2" aria-describedby={tableId}>
        <figcaption className="font-medium">Hours down a year</figcaption>
        <div role="img" aria-label={`Bar chart of hours down a year per activity; the figures are in the table below.`}>
          <BarChart accessibilityLayer={false} responsive style={{ width: "100%", height }} data={data} layout="vertical" margin={{ left: 8, right: 16 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" tickFormatter={(v: number) => formatHours(v)} />
            <YAxis type="category" dataKey="name" width={140} />
            <Tooltip formatter={(v) => formatHours(Number(v))} />
            <Bar dataKey="downtimeHours" name="Hours down a year" fill="#1e40af" isAnimationActive={false} />
          </BarChart>
        </div>
      </figure>
      <figure className="space-y-2" aria-describedby={tableId}>
        <figcaption className="font-medium">Expected loss a year</figcaption>
        <div role="img" aria-label={`Bar chart of expected loss a year per activity; the figures are in the table below.`}>
          <BarChart accessibilityLayer={false} responsive style={{ width: "100%", height }} data={data} layout="vertical" margin={{ left: 8, right: 16 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" tickFormatter={(v: number) => formatMoney(v, currency)} />
            <YAxis type="category" dataKey="name" width={140} />
            <Tooltip formatter={(v) => formatMoney(Number(v), currency)} />
            <Bar dataKey="loss" name="Expected loss a year" fill="#b91c1c" isAnimationActive={false} />
          </BarChart>
        </div>
      </figure>
    </div>
  );
}
