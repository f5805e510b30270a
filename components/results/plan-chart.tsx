"use client";
/** The plan's spend against risk removed, step by step (components/results/plan-section.tsx loads it in the browser). */
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import type { CumulativePoint } from "@/lib/results/plan-view";
import { formatMoney } from "@/lib/results/format";

export function PlanChart({ points, currency, height }: { points: readonly CumulativePoint[]; currency: string; height: number }) {
  const money = (v: number) => formatMoney(v, currency);
  return (
    <LineChart accessibilityLayer={false} responsive style={{ width: "100%", height }} data={points.map((p) => ({ ...p }))} margin={{ left: 16, right: 24, top: 8 }}>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis type="number" dataKey="spend" name="Spend a year" tickFormatter={(v: number) => money(v)} domain={[0, "dataMax"]} />
      <YAxis type="number" dataKey="riskRemoved" name="Risk removed a year" tickFormatter={(v: number) => money(v)} width={90} />
      <Tooltip formatter={(v) => money(Number(v))} labelFormatter={(v) => `Spend ${money(Number(v))} a year`} />
      <Line type="linear" dataKey="riskRemoved" name="Risk removed a year" stroke="#15803d" strokeWidth={2} dot isAnimationActive={false} />
    </LineChart>
  );
}
