import type { Metadata } from "next";
import Link from "next/link";
import { QuestionnaireScreen } from "@/components/assessment/questionnaire-screen";
import { answersFromStored } from "@/lib/questionnaire/storage";
import { emptyAnswers, STEP_IDS, type StepId } from "@/lib/questionnaire/steps";
import { todayIso, type AssessmentDetail } from "@/lib/server/access";
import { loadAssessment, loadForPage, requireSession } from "@/lib/server/next/session";

export const metadata: Metadata = { title: "Questions" };

function isStepId(value: unknown): value is StepId {
  return typeof value === "string" && (STEP_IDS as readonly string[]).includes(value);
}

const listed = (v: unknown) => Array.isArray(v) && v.length > 0;

/**
 * The answers to open with. A new assessment holds only the starter inventory (a name and neutral
 * defaults): that is a fresh start, not an import whose every step is already answered.
 */
function openingAnswers(a: AssessmentDetail) {
  const inv = a.inventory;
  const isStarter = Object.keys(a.questionnaire).length === 0 && ![inv.components, inv.functions, inv.dataSets, inv.people].some(listed);
  if (isStarter) return emptyAnswers({ name: a.organizationName });
  return answersFromStored({ questionnaire: a.questionnaire, inventory: a.inventory, name: a.organizationName });
}

export default async function Page({
  params,
  searchParams,
}: {
  params: Promise<{ orgId: string; assessmentId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ orgId, assessmentId }, query] = await Promise.all([params, searchParams]);
  const base = `/org/${orgId}/assessment/${assessmentId}`;
  const actor = await requireSession(`${base}/questionnaire`);
  const a = await loadForPage(() => loadAssessment(actor, { organizationId: orgId, assessmentId }));
  const answers = openingAnswers(a);
  // Resume where the person left off: the step in the address, else the first one not finished.
  const initialStep = isStepId(query.step) ? query.step : (STEP_IDS.find((s) => !answers.done.includes(s)) ?? "review");
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold text-slate-900">{a.name}</h1>
        <p className="text-slate-700">
          {a.canEdit
            ? "Answer in your own words, one topic at a time. Everything is saved as you go; \u201cI don\u2019t know\u201d is always fine and uses a typical figure, shown with its source."
            : "Your role lets you read these answers but not change them."}{" "}
          <Link href={`${base}/results`} className="text-blue-800 underline">
            See the results
          </Link>
        </p>
      </div>
      <QuestionnaireScreen
        organizationId={a.organizationId}
        assessmentId={a.id}
        initialAnswers={answers}
        version={a.version}
        canEdit={a.canEdit}
        initialStep={initialStep}
        asOf={answers.asOf ?? todayIso(new Date())}
        resultsHref={`${base}/results`}
        questionnaireHref={`${base}/questionnaire`}
      />
    </div>
  );
}
