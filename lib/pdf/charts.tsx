/**
 * Charts drawn with react-pdf's SVG primitives, so they stay sharp when printed and their labels
 * stay text (searchable, extractable) rather than pixels.
 */
import { Circle, G, Line, Polyline, Rect, Svg, Text } from "@react-pdf/renderer";
import { formatMoney } from "@/lib/results/format";
import { FONT_STACK } from "./fonts";
import { truncateText } from "./safe-text";

const GRID = "#d9dee3";
const INK = "#3d4852";
const MUTED = "#6b7682";
// react-pdf's SVG text reads font settings from its props; its types only admit one family name.
const font = (size: number, bold = false) => ({ fontFamily: FONT_STACK as unknown as string, fontSize: size, ...(bold ? { fontWeight: "bold" as const } : {}) });

/** Round tick values: 0, 5, 10, … covering `max` in about `count` steps. */
export function niceTicks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  const ticks: number[] = [];
  for (let v = 0; v < max + step * 0.999; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

export const MAX_BARS = 15;

export function DowntimeBarChart(props: {
  readonly width: number;
  readonly bars: ReadonlyArray<{ readonly label: string; readonly hours: number; readonly value: string }>;
  readonly color: string;
}) {
  const bars = props.bars.slice(0, MAX_BARS);
  const labelWidth = 150;
  const valueWidth = 44;
  const rowHeight = 16;
  const top = 4;
  const axisHeight = 16;
  const plotWidth = props.width - labelWidth - valueWidth;
  const ticks = niceTicks(Math.max(...bars.map((b) => b.hours), 0));
  const max = ticks[ticks.length - 1]!;
  const height = top + bars.length * rowHeight + axisHeight;
  const x = (hours: number) => labelWidth + (hours / max) * plotWidth;
  return (
    <Svg width={props.width} height={height} viewBox={`0 0 ${props.width} ${height}`}>
      {ticks.map((t) => (
        <G key={`tick-${t}`}>
          <Line x1={x(t)} y1={top} x2={x(t)} y2={top + bars.length * rowHeight} stroke={GRID} strokeWidth={0.5} />
          <Text x={x(t)} y={height - 4} textAnchor="middle" fill={MUTED} {...font(6.5)}>
            {`${t} h`}
          </Text>
        </G>
      ))}
      {bars.map((b, i) => {
        const y = top + i * rowHeight;
        return (
          <G key={`bar-${i}`}>
            <Text x={labelWidth - 6} y={y + 11} textAnchor="end" fill={INK} {...font(7.5)}>
              {truncateText(b.label, 30)}
            </Text>
            <Rect x={labelWidth} y={y + 3} width={Math.max(0.5, x(b.hours) - labelWidth)} height={rowHeight - 6} fill={props.color} />
            <Text x={x(b.hours) + 4} y={y + 11} fill={INK} {...font(7)}>
              {b.value}
            </Text>
          </G>
        );
      })}
    </Svg>
  );
}

/**
 * Cumulative yearly spend (across) against the yearly loss it removes (up), one point per plan
 * item in the plan's order; the dashed line is the money at risk before the plan.
 */
export function SpendAgainstRiskChart(props: {
  readonly width: number;
  readonly height: number;
  readonly points: ReadonlyArray<{ readonly step: number; readonly spend: number; readonly removed: number }>;
  readonly totalLoss: number;
  readonly currency: string;
  readonly color: string;
}) {
  const left = 62;
  const right = 16;
  const top = 14;
  const bottom = 30;
  const plotWidth = props.width - left - right;
  const plotHeight = props.height - top - bottom;
  const maxSpend = Math.max(...props.points.map((p) => p.spend), 1);
  const xTicks = niceTicks(maxSpend, 5);
  const yTicks = niceTicks(Math.max(props.totalLoss, ...props.points.map((p) => p.removed), 1), 4);
  const xMax = xTicks[xTicks.length - 1]!;
  const yMax = yTicks[yTicks.length - 1]!;
  const x = (v: number) => left + (v / xMax) * plotWidth;
  const y = (v: number) => top + plotHeight - (v / yMax) * plotHeight;
  const money = (v: number) => formatMoney(v, props.currency);
  // A step line: each purchase moves right (its cost), then up (what it removes).
  const stepPoints = props.points
    .flatMap((p, i) => {
      const prev = props.points[i - 1];
      return prev ? [`${x(p.spend)},${y(prev.removed)}`, `${x(p.spend)},${y(p.removed)}`] : [`${x(p.spend)},${y(p.removed)}`];
    })
    .join(" ");
  return (
    <Svg width={props.width} height={props.height} viewBox={`0 0 ${props.width} ${props.height}`}>
      {yTicks.map((t) => (
        <G key={`y-${t}`}>
          <Line x1={left} y1={y(t)} x2={left + plotWidth} y2={y(t)} stroke={GRID} strokeWidth={0.5} />
          <Text x={left - 4} y={y(t) + 2.5} textAnchor="end" fill={MUTED} {...font(6.5)}>
            {money(t)}
          </Text>
        </G>
      ))}
      {xTicks.map((t) => (
        <Text key={`x-${t}`} x={x(t)} y={top + plotHeight + 10} textAnchor="middle" fill={MUTED} {...font(6.5)}>
          {money(t)}
        </Text>
      ))}
      <Line x1={left} y1={top + plotHeight} x2={left + plotWidth} y2={top + plotHeight} stroke={INK} strokeWidth={0.75} />
      <Line x1={left} y1={top} x2={left} y2={top + plotHeight} stroke={INK} strokeWidth={0.75} />
      <Line x1={left} y1={y(props.totalLoss)} x2={left + plotWidth} y2={y(props.totalLoss)} stroke="#b42318" strokeWidth={0.75} strokeDasharray="3,2" />
      <Text x={left + plotWidth} y={y(props.totalLoss) - 3} textAnchor="end" fill="#b42318" {...font(6.5)}>
        {`Money at risk today: ${money(props.totalLoss)} a year`}
      </Text>
      <Polyline points={stepPoints} stroke={props.color} strokeWidth={1.5} fill="none" />
      {props.points.slice(1).map((p) => (
        <G key={`p-${p.step}`}>
          <Circle cx={x(p.spend)} cy={y(p.removed)} r={5.5} fill={props.color} />
          <Text x={x(p.spend)} y={y(p.removed) + 2.3} textAnchor="middle" fill="#ffffff" {...font(6, true)}>
            {String(p.step)}
          </Text>
        </G>
      ))}
      <Text x={left + plotWidth / 2} y={props.height - 4} textAnchor="middle" fill={INK} {...font(7)}>
        Plan cost per year, adding the actions in order
      </Text>
      <Text x={4} y={top - 5} fill={INK} {...font(7)}>
        Loss removed per year
      </Text>
    </Svg>
  );
}
