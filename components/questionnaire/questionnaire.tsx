"use client";
/**
 * The guided questionnaire: one topic per step, a progress bar, autosave (debounced, and when the
 * page is hidden or left) with conflict detection, and unsaved answers kept in local storage
 * until the server has them.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { Answers } from "@/lib/questionnaire/answers";
import { STEP_IDS, STEP_TITLES, problemsByPath, type AnswerProblem, type StepId } from "@/lib/questionnaire/steps";
import {
  clearDraft,
  createAutosave,
  draftKey,
  listDrafts,
  tabId,
  type Autosave,
  type Draft,
  type SaveAnswersResult,
  type SaveStatus,
} from "@/lib/questionnaire/autosave";
import { markStepDone } from "@/lib/questionnaire/edit";
import { progressFrom } from "@/lib/questionnaire/progress-view";
import { Button } from "@/components/ui/button";
import { fieldId } from "@/components/ui/field";
import { ProgressBar } from "./progress-bar";
import { SaveStatusMessage } from "./save-status";
import { StepBusiness } from "./step-business";
import { StepData } from "./step-data";
import { StepNetwork, StepPower, StepSystems } from "./step-equipment";
import { StepFunctions } from "./step-functions";
import { StepInternet } from "./step-internet";
import { StepPeople } from "./step-people";
import { StepReview } from "./step-review";
import type { StepProps } from "./types";

export interface QuestionnaireProps {
  /** The answers as the server has them (see lib/questionnaire: emptyAnswers, inventoryToAnswers). */
  readonly initialAnswers: Answers;
  /** The stored record's version; sent back with every save. */
  readonly version: number;
  /** Save the answers if `version` is still current. */
  readonly onSave: (answers: Answers, version: number) => Promise<SaveAnswersResult>;
  /** Names the local-storage draft; one per assessment. */
  readonly assessmentId: string;
  /** False for viewers. */
  readonly canEdit?: boolean;
  readonly initialStep?: StepId;
  /** The assessment date (YYYY-MM-DD): restore tests after it are flagged. */
  readonly asOf?: string;
  /** Where "See the results" leads once every step is complete. */
  readonly resultsHref?: string;
  /**
   * What "See the results" does once the answers are saved, instead of following `resultsHref`
   * (which stays the link's address): calculate the results with the saved version, then open them.
   */
  readonly onSeeResults?: (version: number) => void | Promise<void>;
  readonly onStepChange?: (step: StepId) => void;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

type Validation = typeof import("@/lib/questionnaire/validate");

export function Questionnaire(props: QuestionnaireProps) {
  const canEdit = props.canEdit ?? true;
  const assessmentId = props.assessmentId;
  const [answers, setAnswers] = useState<Answers>(props.initialAnswers);
  const [step, setStep] = useState<StepId>(props.initialStep ?? "business");
  const [status, setStatus] = useState<SaveStatus>("idle");
  const [saveErrors, setSaveErrors] = useState<readonly AnswerProblem[]>([]);
  const [staleDraft, setStaleDraft] = useState<{ key: string; draft: Draft } | undefined>();
  const [showMissing, setShowMissing] = useState<ReadonlySet<StepId>>(new Set());
  const autosave = useRef<Autosave | undefined>(undefined);
  const heading = useRef<HTMLHeadingElement>(null);
  const summary = useRef<HTMLDivElement>(null);
  const firstRender = useRef(true);
  const onSave = useRef(props.onSave);
  onSave.current = props.onSave;
  // Validation brings zod (about 90 KB gzipped): it loads after the first paint, not with it.
  const [validation, setValidation] = useState<Validation | undefined>();
  const check = useRef<Validation["blockingProblems"] | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void import("@/lib/questionnaire/validate").then((v) => {
      if (!live) return;
      check.current = v.blockingProblems;
      setValidation(v);
    });
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    const storage = window.localStorage;
    const storageKey = draftKey(assessmentId, tabId(window.sessionStorage));
    const saver = createAutosave({
      version: props.version,
      storage,
      storageKey,
      save: (a, v) => onSave.current(a, v),
      check: (a) => check.current?.(a) ?? [],
      onState: (s) => {
        setStatus(s.status);
        setSaveErrors(s.errors);
      },
    });
    autosave.current = saver;
    // This tab's own draft first (a reload), else the newest another tab left behind.
    const drafts = listDrafts(storage, assessmentId);
    const found = drafts.find((d) => d.key === storageKey) ?? drafts[0];
    if (found) {
      if (sameJson(found.draft.answers, props.initialAnswers)) clearDraft(storage, found.key);
      else if (found.draft.baseVersion === props.version) {
        setAnswers(found.draft.answers);
        saver.update(found.draft.answers);
        if (found.key !== storageKey) clearDraft(storage, found.key);
      } else setStaleDraft(found);
    }
    const onHide = () => {
      if (document.visibilityState === "hidden") saver.flush();
    };
    const onPageHide = () => saver.flush();
    document.addEventListener("visibilitychange", onHide);
    window.addEventListener("pagehide", onPageHide);
    return () => {
      document.removeEventListener("visibilitychange", onHide);
      window.removeEventListener("pagehide", onPageHide);
      // Leaving for another page of the app (a link: no pagehide) sends what is pending. Not at once:
      // React may remount at once (Strict Mode), and then the new mount takes this browser's draft
      // over and sends it itself; a second save from this one, on the old version, would conflict.
      // What is not acknowledged stays in local storage and is sent next time.
      setTimeout(() => {
        if (autosave.current === saver) saver.flush();
        saver.dispose();
      }, 0);
    };
    // The version and answers are those the page was loaded with; a new version means a reload.
  }, [assessmentId]);

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    heading.current?.focus();
  }, [step]);

  const change = useCallback((next: Answers) => {
    setAnswers(next);
    autosave.current?.update(next);
  }, []);

  const problems = useMemo(() => validation?.findAnswerProblems(answers, { asOf: props.asOf }) ?? [], [validation, answers, props.asOf]);
  const schemaFailed = useMemo(() => (validation?.blockingProblems(answers).length ?? 0) > 0, [validation, answers]);
  const progress = useMemo(() => progressFrom(answers, problems), [answers, problems]);
  const visible = problems.filter((p) => schemaFailed || showMissing.has(p.step) || answers.done.includes(p.step));
  const errors = problemsByPath([...saveErrors, ...visible]);
  const stepProblems = problems.filter((p) => p.step === step);
  const index = STEP_IDS.indexOf(step);

  const goTo = (s: StepId) => {
    setStep(s);
    props.onStepChange?.(s);
  };
  const next = () => {
    if (stepProblems.length > 0) {
      setShowMissing(new Set([...showMissing, step]));
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    if (canEdit) change(markStepDone(answers, step));
    if (index < STEP_IDS.length - 1) goTo(STEP_IDS[index + 1]!);
  };

  const stepProps: StepProps = { answers, onChange: change, errors, canEdit };
  const body: Record<StepId, ReactNode> = {
    business: <StepBusiness {...stepProps} />,
    functions: <StepFunctions {...stepProps} />,
    power: <StepPower {...stepProps} />,
    internet: <StepInternet {...stepProps} />,
    network: <StepNetwork {...stepProps} />,
    systems: <StepSystems {...stepProps} />,
    data: <StepData {...stepProps} />,
    people: <StepPeople {...stepProps} />,
    review: <StepReview {...stepProps} problems={problems} onGoToStep={goTo} />,
  };
  const shownStepProblems = showMissing.has(step) || answers.done.includes(step) || schemaFailed ? stepProblems : [];
  const allComplete = progress.completed === progress.total;

  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <ProgressBar progress={progress} current={step} onSelect={goTo} />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <SaveStatusMessage status={status} onReload={() => window.location.reload()} />
      </div>
      {staleDraft ? (
        <div className="space-y-2 rounded-md border border-amber-400 bg-amber-50 p-3 text-amber-950" role="region" aria-label="Unsaved answers">
          <p>
            This browser holds answers that were never saved, typed before the assessment was changed elsewhere. Restore them
            (they replace what is shown) or discard them.
          </p>
          <div className="flex gap-2">
            <Button
              variant="primary"
              onClick={() => {
                change(staleDraft.draft.answers);
                if (staleDraft.key !== draftKey(assessmentId, tabId(window.sessionStorage))) clearDraft(window.localStorage, staleDraft.key);
                setStaleDraft(undefined);
              }}
            >
              Restore my unsaved answers
            </Button>
            <Button
              onClick={() => {
                clearDraft(window.localStorage, staleDraft.key);
                setStaleDraft(undefined);
              }}
            >
              Discard them
            </Button>
          </div>
        </div>
      ) : null}
      <section aria-labelledby="step-heading" className="space-y-6">
        <h2 id="step-heading" ref={heading} tabIndex={-1} className="text-2xl font-bold text-slate-900 focus:outline-none">
          Step {index + 1} of {STEP_IDS.length}: {STEP_TITLES[step]}
        </h2>
        {shownStepProblems.length > 0 ? (
          <div ref={summary} tabIndex={-1} className="space-y-1 rounded-md border border-red-400 bg-red-50 p-3 text-red-950">
            <p className="font-medium">Before you continue:</p>
            <ul className="list-disc pl-6">
              {shownStepProblems.map((p) => (
                <li key={`${p.path}-${p.message}`}>
                  <a className="underline" href={`#${fieldId(p.path)}`}>
                    {p.message}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {body[step]}
      </section>
      <div className="flex flex-wrap items-center justify-between gap-2 border-t border-slate-300 pt-4">
        <Button disabled={index === 0} onClick={() => goTo(STEP_IDS[index - 1]!)}>
          Back
        </Button>
        {index < STEP_IDS.length - 1 ? (
          // Until the checks have loaded (just after the first paint), Continue waits: a step
          // must not be passed, and marked done, before what it is missing can be shown.
          <Button variant="primary" onClick={next} disabled={!validation}>
            Continue
          </Button>
        ) : allComplete && props.resultsHref ? (
          <a
            href={props.resultsHref}
            onClick={(e) => {
              const saver = autosave.current;
              if (!saver) return;
              e.preventDefault();
              void saver.flushAndWait().then((s) => {
                if (s.status !== "saved" && s.status !== "idle") return;
                if (props.onSeeResults) void props.onSeeResults(s.version);
                else window.location.assign(props.resultsHref!);
              });
            }}
            className="rounded-md bg-blue-800 px-3 py-2 font-medium text-white hover:bg-blue-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-700 focus-visible:ring-offset-2"
          >
            See the results
          </a>
        ) : (
          <Button variant="primary" onClick={next}>
            Finish
          </Button>
        )}
      </div>
    </div>
  );
}
