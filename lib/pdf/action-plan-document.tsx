/**
 * The action plan as a react-pdf document: a cover in the firm's colours, the executive summary,
 * the findings, the plan and the appendix. Content comes ready-made from report-content.ts.
 */
import type { ReactNode } from "react";
import { Document, Image, Page, StyleSheet, Text, View, type PageLayoutProps } from "@react-pdf/renderer";
import { DowntimeBarChart, MAX_BARS, SpendAgainstRiskChart } from "./charts";
import { FONT_STACK } from "./fonts";
import type { ActionPlanContent, PlanRow } from "./report-content";
import { truncateText } from "./safe-text";

export interface DocumentBranding {
  readonly firmName: string;
  readonly contactLine: string;
  /** The firm's colour, for bars, rules and the cover band. */
  readonly accent: string;
  /** The firm's colour made dark enough to read as text on white. */
  readonly accentText: string;
  readonly logo?: { readonly data: Buffer; readonly width: number; readonly height: number };
}

export interface ActionPlanDocumentProps {
  readonly content: ActionPlanContent;
  readonly clientName: string;
  readonly branding: DocumentBranding;
  readonly generatedOnText: string;
  readonly pageSize: "A4" | "LETTER";
  /** Written into the PDF's metadata; the day of issue, so the same input gives the same bytes. */
  readonly creationDate: Date;
}

const INK = "#1f2933";
const MUTED = "#5f6b76";
const RULE = "#dfe3e8";
const SHADE = "#f3f5f7";
const BAD = "#b42318";
const GOOD = "#1a7f37";
const MARGIN = 48;
// Line height goes on each text style, never on the page or a container: inherited by the footer's page-number text it stops react-pdf 4.9 drawing the footer.
const LINE = 1.4;
// react-pdf turns a unitless line height into points with the text's own font size (18 when it only inherits one), so every text style states its size.
const BODY = 9.5;

const styles = StyleSheet.create({
  page: { fontFamily: FONT_STACK as unknown as string, fontSize: 9.5, color: INK, paddingTop: 24, paddingBottom: 24, paddingHorizontal: MARGIN },
  cover: { fontFamily: FONT_STACK as unknown as string, fontSize: 10, lineHeight: 1.35, color: INK, paddingTop: 40, paddingBottom: 48, paddingHorizontal: MARGIN },
  header: { flexDirection: "row", justifyContent: "space-between", fontSize: 7.5, lineHeight: 1.3, color: MUTED, paddingBottom: 4, marginBottom: 16, borderBottomWidth: 0.75 },
  footer: { flexDirection: "row", justifyContent: "space-between", fontSize: 7.5, lineHeight: 1.3, color: MUTED, paddingTop: 4, marginTop: 12, borderTopWidth: 0.5, borderTopColor: RULE },
  h1: { fontSize: 15, lineHeight: 1.3, fontWeight: "bold", marginTop: 6, marginBottom: 8 },
  h2: { fontSize: 11, lineHeight: 1.3, fontWeight: "bold", marginTop: 10, marginBottom: 4 },
  h3: { fontSize: 9.5, lineHeight: 1.3, fontWeight: "bold", marginTop: 6, marginBottom: 2 },
  paragraph: { fontSize: BODY, lineHeight: LINE, marginBottom: 6 },
  note: { fontSize: 8, lineHeight: LINE, color: MUTED, marginBottom: 6 },
  bulletRow: { flexDirection: "row", marginBottom: 3 },
  bulletMark: { width: 10, fontSize: BODY, lineHeight: LINE },
  bulletText: { flex: 1, fontSize: BODY, lineHeight: LINE },
  kpiRow: { flexDirection: "row", marginBottom: 10 },
  kpi: { flex: 1, borderLeftWidth: 3, paddingLeft: 8, paddingVertical: 4, marginRight: 10, backgroundColor: SHADE },
  kpiLabel: { fontSize: 7, lineHeight: 1.3, color: MUTED, textTransform: "uppercase" },
  kpiValue: { fontSize: 15, lineHeight: 1.25, fontWeight: "bold" },
  kpiNote: { fontSize: 7.5, lineHeight: 1.3, color: MUTED },
  table: { marginBottom: 8, borderTopWidth: 0.75, borderTopColor: INK },
  tr: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: RULE },
  th: { fontSize: 7.5, lineHeight: 1.3, fontWeight: "bold", paddingVertical: 3, paddingHorizontal: 3, backgroundColor: SHADE },
  td: { fontSize: 8, lineHeight: 1.3, paddingVertical: 3, paddingHorizontal: 3 },
  num: { textAlign: "right" },
  totalRow: { flexDirection: "row", borderTopWidth: 0.75, borderTopColor: INK },
});

interface Column {
  readonly title: string;
  readonly width: number;
  readonly numeric?: boolean;
}

function Table(props: { readonly columns: readonly Column[]; readonly rows: ReadonlyArray<readonly ReactNode[]>; readonly total?: readonly ReactNode[] }) {
  const cell = (c: Column) => ({ width: `${c.width}%` });
  return (
    <View style={styles.table}>
      <View style={styles.tr} fixed={false} wrap={false}>
        {props.columns.map((c) => (
          <Text key={c.title} style={[styles.th, cell(c), c.numeric ? styles.num : {}]}>
            {c.title}
          </Text>
        ))}
      </View>
      {props.rows.map((row, i) => (
        <View key={i} style={styles.tr} wrap={false}>
          {row.map((value, j) => (
            <Text key={j} style={[styles.td, cell(props.columns[j]!), props.columns[j]!.numeric ? styles.num : {}]}>
              {value}
            </Text>
          ))}
        </View>
      ))}
      {props.total && (
        <View style={styles.totalRow} wrap={false}>
          {props.total.map((value, j) => (
            <Text key={j} style={[styles.td, { fontWeight: "bold" }, cell(props.columns[j]!), props.columns[j]!.numeric ? styles.num : {}]}>
              {value}
            </Text>
          ))}
        </View>
      )}
    </View>
  );
}

function Bullets(props: { readonly items: readonly string[]; readonly mark?: string; readonly color?: string; readonly empty: string }) {
  if (props.items.length === 0) return <Text style={styles.paragraph}>{props.empty}</Text>;
  return (
    <View style={{ marginBottom: 6 }}>
      {props.items.map((item, i) => (
        <View key={i} style={styles.bulletRow} wrap={false}>
          <Text style={[styles.bulletMark, props.color ? { color: props.color } : {}]}>{props.mark ?? "•"}</Text>
          <Text style={styles.bulletText}>{item}</Text>
        </View>
      ))}
    </View>
  );
}

function Section(props: { readonly title: string; readonly accent: string; readonly children: ReactNode; readonly breakBefore?: boolean }) {
  return (
    <View break={props.breakBefore}>
      <Text style={[styles.h1, { color: props.accent }]} minPresenceAhead={140}>
        {props.title}
      </Text>
      {props.children}
    </View>
  );
}

const PLAN_COLUMNS: readonly Column[] = [
  { title: "#", width: 4 },
  { title: "Action", width: 27 },
  { title: "For", width: 16 },
  { title: "Cost / year", width: 12, numeric: true },
  { title: "Benefit / year", width: 13, numeric: true },
  { title: "Payback", width: 14, numeric: true },
  { title: "Loss after", width: 14, numeric: true },
];

const planCells = (r: PlanRow): ReactNode[] => [String(r.step), r.title, r.targets, r.costPerYear, r.benefitPerYear, r.payback, r.lossAfter];

const COVER_CONTENTS = [
  "Summary: the money at risk, the three best actions and our verdict",
  "Where the risk is: each business function and what stops it",
  "Thin redundancy, data protection, recovery times and key people",
  "The plan, step by step, and what is not worth doing",
  "Appendix: the assumptions and figures behind every number",
];

function coverNameSize(name: string): number {
  if (name.length <= 40) return 26;
  if (name.length <= 100) return 18;
  if (name.length <= 400) return 12;
  return 9;
}

function Cover({ content, clientName, branding, generatedOnText, pageSize }: ActionPlanDocumentProps) {
  const logo = branding.logo;
  const logoBox = logo ? fitBox(logo.width, logo.height, 200, 60) : undefined;
  return (
    <Page size={pageSize} style={styles.cover}>
      {/* The band bleeds into the page's top margin, which a long name's continuation pages keep. */}
      <View style={{ height: 14, backgroundColor: branding.accent, marginTop: -40, marginHorizontal: -MARGIN, marginBottom: 34 }} />
      <View style={{ minHeight: 64, justifyContent: "center", marginBottom: 60 }}>
        {logo && logoBox ? (
          <Image src={logo.data} style={{ width: logoBox.width, height: logoBox.height }} />
        ) : (
          <Text style={{ fontSize: 20, fontWeight: "bold", color: branding.accentText }}>{branding.firmName}</Text>
        )}
      </View>
      <Text style={{ fontSize: 10, fontWeight: "bold", color: branding.accentText, letterSpacing: 1.5, marginBottom: 10 }}>IT RESILIENCE ACTION PLAN</Text>
      <Text style={{ fontSize: 11, color: MUTED, marginBottom: 2 }}>Prepared for</Text>
      <Text style={{ fontSize: coverNameSize(clientName), fontWeight: "bold", lineHeight: 1.2, marginBottom: 14 }}>{clientName}</Text>
      <Text style={{ fontSize: 11, color: MUTED, marginBottom: 40 }}>{generatedOnText}</Text>
      <View style={{ flexDirection: "row", marginBottom: 48 }} wrap={false}>
        <View style={[styles.kpi, { borderLeftColor: BAD }]}>
          <Text style={styles.kpiLabel}>Money at risk per year</Text>
          <Text style={styles.kpiValue}>{content.headline.atRisk}</Text>
        </View>
        <View style={[styles.kpi, { borderLeftColor: branding.accent }]}>
          <Text style={styles.kpiLabel}>After this plan</Text>
          <Text style={styles.kpiValue}>{content.headline.afterPlan}</Text>
        </View>
        <View style={[styles.kpi, { borderLeftColor: branding.accent, marginRight: 0 }]}>
          <Text style={styles.kpiLabel}>Plan cost per year</Text>
          <Text style={styles.kpiValue}>{content.headline.planCostPerYear}</Text>
        </View>
      </View>
      <View wrap={false} style={{ marginBottom: 40 }}>
        <Text style={{ fontSize: 8, color: MUTED, marginBottom: 4 }}>In this report</Text>
        {COVER_CONTENTS.map((line, i) => (
          <View key={i} style={{ flexDirection: "row", marginBottom: 2 }}>
            <Text style={{ width: 16, fontSize: 9, color: branding.accentText, fontWeight: "bold" }}>{`${i + 1}`}</Text>
            <Text style={{ fontSize: 9 }}>{line}</Text>
          </View>
        ))}
      </View>
      <View wrap={false} style={{ borderTopWidth: 0.75, borderTopColor: RULE, paddingTop: 10 }}>
        <Text style={{ fontSize: 8, color: MUTED }}>Prepared by</Text>
        <Text style={{ fontSize: 11, fontWeight: "bold" }}>{branding.firmName}</Text>
        <Text style={{ fontSize: 9, color: MUTED, marginBottom: 14 }}>{branding.contactLine}</Text>
        <Text style={{ fontSize: 7.5, color: MUTED }}>
          {`Figures calculated with Bulwark (scoring engine ${content.engineVersion}) from the IT inventory of ${truncateText(content.organizationName, 80)} as of ${content.asOf}. ` +
            "Money at risk is a yearly average over good and bad years, not a forecast for any one year; every default the calculation used is listed in the appendix."}
        </Text>
      </View>
    </Page>
  );
}

/** The largest box of the image's shape that fits in maxWidth × maxHeight. */
function fitBox(width: number, height: number, maxWidth: number, maxHeight: number): { width: number; height: number } {
  const scale = Math.min(maxWidth / width, maxHeight / height);
  return { width: width * scale, height: height * scale };
}

export function ActionPlanDocument(props: ActionPlanDocumentProps) {
  const { content: c, branding, clientName, pageSize } = props;
  const accent = branding.accentText;
  const width = (pageSize === "A4" ? 595.28 : 612) - 2 * MARGIN;
  const hiddenBars = c.charts.downtime.length - MAX_BARS;
  const headerLeft = truncateText(branding.firmName, 60);
  const headerRight = `Action plan for ${truncateText(clientName, 50)}`;
  const footerLeft = truncateText(branding.contactLine, 110);
  // Page chrome for react-pdf's newer pagination engine: content is measured once and packed into
  // pages, where the default engine lays out the rest of the document again at every page break.
  const chrome = ({ children, pageNumber, totalPages }: PageLayoutProps) => (
    <View style={{ flexGrow: 1 }}>
      <View style={[styles.header, { borderBottomColor: branding.accent }]}>
        <Text>{headerLeft}</Text>
        <Text>{headerRight}</Text>
      </View>
      <View style={{ flexGrow: 1 }}>{children}</View>
      <View style={styles.footer}>
        <Text>{footerLeft}</Text>
        <Text>{`Page ${pageNumber ?? ""} of ${totalPages ?? ""}`}</Text>
      </View>
    </View>
  );
  return (
    <Document
      title={`IT resilience action plan: ${truncateText(clientName, 200)}`}
      author={truncateText(branding.firmName, 200)}
      subject="IT resilience action plan"
      creator="Bulwark"
      creationDate={props.creationDate}
      producer="Bulwark"
      language="en"
    >
      <Cover {...props} />
      <Page size={pageSize} style={styles.page} layout={chrome}>
        <Section title="Summary" accent={accent}>
          <View style={styles.kpiRow} wrap={false}>
            <View style={[styles.kpi, { borderLeftColor: BAD }]}>
              <Text style={styles.kpiLabel}>Money at risk per year</Text>
              <Text style={styles.kpiValue}>{c.headline.atRisk}</Text>
              <Text style={styles.kpiNote}>today, on average</Text>
            </View>
            <View style={[styles.kpi, { borderLeftColor: GOOD }]}>
              <Text style={styles.kpiLabel}>Removed by the plan</Text>
              <Text style={styles.kpiValue}>{c.headline.removed}</Text>
              <Text style={styles.kpiNote}>{`${c.headline.removedShare} of the risk`}</Text>
            </View>
            <View style={[styles.kpi, { borderLeftColor: branding.accent, marginRight: 0 }]}>
              <Text style={styles.kpiLabel}>Plan cost per year</Text>
              <Text style={styles.kpiValue}>{c.headline.planCostPerYear}</Text>
              <Text style={styles.kpiNote}>{`${c.headline.planFirstYear} in the first year`}</Text>
            </View>
          </View>
          <Text style={[styles.paragraph, { fontSize: 10 }]}>{c.verdict}</Text>
          <Text style={styles.h2}>The three best actions</Text>
          {c.topActions.length === 0 ? (
            <Text style={styles.paragraph}>No action pays for itself: see the list of measures that are not worth it below.</Text>
          ) : (
            <Table
              columns={[
                { title: "Action", width: 36 },
                { title: "For", width: 22 },
                { title: "Cost / year", width: 14, numeric: true },
                { title: "Benefit / year", width: 15, numeric: true },
                { title: "Payback", width: 13, numeric: true },
              ]}
              rows={c.topActions.map((r) => [r.title, r.targets, r.costPerYear, r.benefitPerYear, r.payback])}
            />
          )}
          <Text style={styles.note}>
            Cost per year spreads each purchase over its useful life and adds running costs. Benefit per year is how much the expected yearly loss drops
            once the action is done, after the actions listed before it. Payback is how long the upfront spend takes to earn itself back.
          </Text>
        </Section>

        <Section title="Where the risk is" accent={accent}>
          <Text style={styles.paragraph}>
            Each business function needs certain equipment, services and people to work. The table shows how many hours a year each one is expected
            to be down and what that costs; the chart compares the hours.
          </Text>
          <Table
            columns={[
              { title: "Business function", width: 34 },
              { title: "Works", width: 18 },
              { title: "Down / year", width: 14, numeric: true },
              { title: "Cost of an hour", width: 16, numeric: true },
              { title: "Loss / year", width: 18, numeric: true },
            ]}
            rows={c.functions.map((f) => [f.name, f.hours, f.downtime, f.costPerHour, f.loss])}
          />
          {c.charts.downtime.length > 0 && (
            <View wrap={false} style={{ marginBottom: 8 }}>
              <Text style={styles.h3}>Expected downtime by function, hours a year</Text>
              <DowntimeBarChart width={width} bars={c.charts.downtime} color={branding.accent} />
              {hiddenBars > 0 && <Text style={styles.note}>{`The chart shows the ${MAX_BARS} functions with the most downtime; ${hiddenBars} more are in the table.`}</Text>}
            </View>
          )}
          {c.functions.map((f, i) => (
            <View key={i}>
              <Text style={styles.h2} minPresenceAhead={40}>
                {f.name}
              </Text>
              <Text style={styles.paragraph}>{f.summary}</Text>
              <Bullets items={f.spofs} mark="!" color={BAD} empty="No single failure stops this function on its own." />
              {f.truncated && (
                <Text style={styles.note}>Rare combinations of four or more failures were left out of this figure; they add very little.</Text>
              )}
            </View>
          ))}
        </Section>

        <Section title="Thin redundancy" accent={accent}>
          <Text style={styles.paragraph}>
            These functions have a backup, but only one: two failures at the same time stop them. That is rare, and the figures show how rare.
          </Text>
          <Bullets items={c.thinRedundancy} empty="No function depends on a pair of components that back each other up." />
        </Section>

        <Section title="Data protection" accent={accent}>
          <Text style={styles.paragraph}>
            The 3-2-1-1-0 rule: three copies counting the original, on two kinds of storage, one away from the building, one out of reach of ransomware
            (offline or locked), and zero copies whose restore was never tested.
          </Text>
          {c.dataSets.length === 0 && <Text style={styles.paragraph}>The assessment lists no data sets.</Text>}
          {c.dataSets.map((d, i) => (
            <View key={i}>
              <View wrap={false}>
                <Text style={styles.h2}>{`${d.name}: ${d.loss} a year`}</Text>
                {d.checks.map((check, j) => (
                  <View key={j} style={styles.bulletRow}>
                    <Text style={[styles.bulletMark, { width: 16, color: check.passed ? GOOD : BAD, fontWeight: "bold" }]}>{check.passed ? "✓" : "✗"}</Text>
                    <Text style={{ width: 150, paddingRight: 8, fontSize: BODY, lineHeight: LINE, fontWeight: "bold" }}>{check.rule}</Text>
                    <Text style={styles.bulletText}>{check.sentence}</Text>
                  </View>
                ))}
              </View>
              <View style={{ height: 4 }} />
              <Table
                columns={[
                  { title: "If …", width: 33 },
                  { title: "Chance", width: 13, numeric: true },
                  { title: "Copies that survive", width: 24 },
                  { title: "Cost when it happens", width: 16, numeric: true },
                  { title: "Per year", width: 14, numeric: true },
                ]}
                rows={d.scenarios.map((s) => [s.label, s.chance, s.survivors, s.costIfItHappens, s.perYear])}
              />
            </View>
          ))}
        </Section>

        <Section title="Recovery time, lost work and key people" accent={accent}>
          <Text style={styles.h2}>Recovery time (RTO)</Text>
          <Bullets items={c.rto} empty="Every single point of failure is usually fixed within the time each function can afford to be down." />
          <Text style={styles.h2}>Lost work (RPO)</Text>
          <Bullets items={c.rpo} empty="In every disaster considered, a copy fresh enough to meet the recovery point survives." />
          <Text style={styles.h2}>Key people (bus factor)</Text>
          <Bullets items={c.busFactor} empty="No single point of failure depends on one person alone." />
        </Section>

        <Section title="The plan" accent={accent} breakBefore>
          <Text style={styles.paragraph}>
            The actions in order: each one is the best value left once the ones before it are done. “Loss after” is the expected yearly loss once
            that action and all those above it are in place.
          </Text>
          {c.priceNote ? <Text style={styles.paragraph}>{c.priceNote}</Text> : null}
          {c.plan.length === 0 ? (
            <Text style={styles.paragraph}>No action in Bulwark’s catalogue returns more than it costs for this business.</Text>
          ) : (
            <Table
              columns={PLAN_COLUMNS}
              rows={c.plan.map(planCells)}
              total={["", "Whole plan", "", c.planTotals.costPerYear, c.planTotals.benefitPerYear, "", c.planTotals.lossAfter]}
            />
          )}
          {c.plan.length > 0 && (
            <View wrap={false} style={{ marginBottom: 8 }}>
              <Text style={styles.h3}>What the money buys: plan cost against loss removed, per year</Text>
              <SpendAgainstRiskChart width={width} height={190} points={c.charts.spend} totalLoss={c.charts.totalLoss} currency={c.currency} color={branding.accent} />
              <Text style={styles.note}>Numbered points are the plan’s actions. Steep steps are the best value; the flatter the line, the less each extra unit of money buys.</Text>
            </View>
          )}
          {c.plan.length > 0 && <Text style={styles.h2}>What each action does</Text>}
          {c.plan.map((r) => (
            <View key={r.step} style={styles.bulletRow} wrap={false}>
              <Text style={[styles.bulletMark, { width: 16, fontWeight: "bold", color: accent }]}>{`${r.step}.`}</Text>
              <Text style={styles.bulletText}>
                <Text style={{ fontWeight: "bold" }}>{`${r.title} (${r.targets}). `}</Text>
                {`${r.effect} First-year cash: ${r.firstYearCost}.`}
              </Text>
            </View>
          ))}
          {c.overBudget.length > 0 && (
            <View>
              <Text style={styles.h2}>{c.budget === null ? "Worth doing, but over the budget" : `Worth doing, but over the budget of ${c.budget}`}</Text>
              <Table columns={PLAN_COLUMNS} rows={c.overBudget.map(planCells)} />
            </View>
          )}
          {c.beyondItemLimit.length > 0 && (
            <View>
              <Text style={styles.h2}>{`Also worth doing, after these ${c.plan.length} steps`}</Text>
              <Table columns={PLAN_COLUMNS} rows={c.beyondItemLimit.map(planCells)} />
            </View>
          )}
          <Text style={styles.h2} minPresenceAhead={60}>
            Not worth it at today’s figures
          </Text>
          <Text style={styles.paragraph}>
            These measures cost more than they save. The break-even column says what would change the answer: the cost of an hour of downtime at which
            the measure would pay for itself, or for backups, how much larger the data losses would have to be.
          </Text>
          {c.notWorthIt.length === 0 ? (
            <Text style={styles.paragraph}>Every measure that applies is in the plan.</Text>
          ) : (
            <Table
              columns={[
                { title: "Measure", width: 34 },
                { title: "For", width: 20 },
                { title: "Cost / year", width: 14, numeric: true },
                { title: "Saves / year", width: 14, numeric: true },
                { title: "Break-even", width: 18, numeric: true },
              ]}
              rows={c.notWorthIt.map((r) => [r.title, r.targets, r.costPerYear, r.benefitPerYear, r.breakEven])}
            />
          )}
        </Section>

        <Section title="Appendix: assumptions and figures" accent={accent} breakBefore>
          <Text style={styles.paragraph}>
            Where the inventory left a figure out, Bulwark used a default. Each one is listed with its source. “Assumed; no published figure” marks a
            judgment: replace it with the business’s own number where one is known.
          </Text>
          {c.assumptions.length === 0 ? (
            <Text style={styles.paragraph}>The inventory gave every figure; no default was used.</Text>
          ) : (
            <Table
              columns={[
                { title: "Figure", width: 25 },
                // Wide enough for a value with its unit ("€50 an hour", "0.5 % a year") on one line.
                { title: "Value", width: 15, numeric: true },
                { title: "Source", width: 40 },
                { title: "Status", width: 20 },
              ]}
              rows={c.assumptions.map((x) => [x.field, x.value, x.source, x.status])}
            />
          )}
          <Text style={styles.h2} minPresenceAhead={60}>
            Components and the figures behind them
          </Text>
          <Text style={styles.paragraph}>
            Failures a year and repair time per component; “waits” adds the time until someone able to fix it is there and, for what nobody watches,
            until the failure is noticed.
          </Text>
          <Table
            columns={[
              { title: "Component", width: 34 },
              { title: "Kind", width: 13 },
              { title: "Failures / year", width: 13, numeric: true },
              { title: "Repair", width: 12, numeric: true },
              { title: "Waits", width: 12, numeric: true },
              { title: "Down / year", width: 16, numeric: true },
            ]}
            rows={c.components.map((x) => [x.name, x.kind, x.failuresPerYear, x.repair, x.waits, x.downPerYear])}
          />
        </Section>
      </Page>
    </Document>
  );
}
