"use client";
/** One bar chart of the functions (components/results/function-charts.tsx loads it in the browser). */
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { formatHours, formatMoney } from "@/lib/results/format";

export interface FunctionChartRow {
  readonly id: string;
  readonly name: string;
  readonly downtimeHours: number;
  readonly loss: number;
}

const MEASURES = {
  downtimeHours: { name: "Hours down a year", fill: "#1e40af" },
  loss: { name: "Expected loss a year", fill: "#b91c1c" },
} as const;

export function FunctionBarChart({
  rows,
  currency,
  measure,
  height,
}: {
  rows: readonly FunctionChartRow[];
  currency: string;
  measure: keyof typeof MEASURES;
  height: number;
}) {
  const data = rows.map((r) => ({ ...r }));
  const format = (v: number) => (measure === "loss" ? formatMoney(v, currency) : formatHours(v));
  return (
    <BarChart accessibilityLayer={false} responsive style={{ width: "100%", height }} data={data} layout="vertical" margin={{ left: 8, right: 16 }}>
      <CartesianGrid strokeDasharray="3 3" horizontal={false} />
      <XAxis type="number" tickFormatter={(v: number) => format(v)} />
      <YAxis type="category" dataKey="name" width={140} />
      <Tooltip formatter={(v) => format(Number(v))} />
      <Bar dataKey={measure} name={MEASURES[measure].name} fill={MEASURES[measure].fill} isAnimationActive={false} />
    </BarChart>
  );
}
