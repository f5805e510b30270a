"use client";
/**
 * Downtime and loss per function as bar charts; the table after them carries the same figures.
 *
 * The charts are drawn in the browser only. On the server recharts has no width to lay out a
 * responsive chart, so it rendered an empty box, yet building each chart's store and selectors cost
 * a sizeable share of the results page's server time. The box keeps its height until the charts
 * arrive, so nothing below moves; recharts also leaves the page's first-load JavaScript.
 */
import dynamic from "next/dynamic";
import type { FunctionChartRow } from "./function-bar-chart";

export type { FunctionChartRow } from "./function-bar-chart";

const FunctionBarChart = dynamic(() => import("./function-bar-chart").then((m) => m.FunctionBarChart), { ssr: false });

/** The height of one chart: a bar per function plus the axis. */
function chartHeight(rowCount: number): number {
  return Math.max(120, 48 * rowCount + 40);
}

export function FunctionCharts({ rows, currency, tableId }: { rows: readonly FunctionChartRow[]; currency: string; tableId: string }) {
  const height = chartHeight(rows.length);
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <figure className="space-y-2" aria-describedby={tableId}>
        <figcaption className="font-medium">Hours down a year</figcaption>
        <div role="img" aria-label="Bar chart of hours down a year per activity; the figures are in the table below." style={{ minHeight: height }}>
          <FunctionBarChart rows={rows} currency={currency} measure="downtimeHours" height={height} />
        </div>
      </figure>
      <figure className="space-y-2" aria-describedby={tableId}>
        <figcaption className="font-medium">Expected loss a year</figcaption>
        <div role="img" aria-label="Bar chart of expected loss a year per activity; the figures are in the table below." style={{ minHeight: height }}>
          <FunctionBarChart rows={rows} currency={currency} measure="loss" height={height} />
        </div>
      </figure>
    </div>
  );
}
