import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { emptyAnswers, type Answers } from "@/lib/questionnaire/answers";
import { inventoryToAnswers } from "@/lib/questionnaire/mapping";
import { loadExample } from "@/lib/questionnaire/test-support";
import { findAnswerProblems } from "@/lib/questionnaire/validate";
import { fieldId } from "@/components/ui/field";
import { Questionnaire } from "./questionnaire";
import { StepBusiness } from "./step-business";
import { StepData } from "./step-data";
import { StepNetwork, StepPower } from "./step-equipment";
import { StepFunctions } from "./step-functions";
import { StepInternet } from "./step-internet";
import { StepPeople } from "./step-people";
import { StepReview } from "./step-review";

const noop = () => {};
const save = async () => ({ ok: true as const, version: 2 });
const harbor = () => inventoryToAnswers(loadExample("harbor-dental"));

/** Text content with tags removed and entities decoded, for assertions on what a reader sees. */
function text(html: string): string {
  return html
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

describe("Questionnaire", () => {
  it("opens on the requested step with progress and save state", () => {
    const html = renderToString(<Questionnaire initialAnswers={harbor()} version={1} onSave={save} assessmentId="a1" initialStep="internet" />);
    expect(text(html)).toContain("Step 4 of 9: Internet");
    expect(html).toContain('aria-valuenow="9"');
    expect(text(html)).toContain("9 of 9 steps");
    expect(text(html)).toContain("All answers saved");
    expect(html).toContain('value="Fiber line (CityNet)"');
    expect(html).toContain('value="CityNet"');
    expect(html).toMatch(/<option value="fiber" selected="">Fiber<\/option>/);
  });

  it("Continue waits until the checks have loaded: in the first render it is disabled", () => {
    // The checks load after the first paint; a step passed before they arrive would be marked done
    // without its missing answers shown (an end-to-end test clicked that early on a busy machine).
    const html = renderToString(<Questionnaire initialAnswers={emptyAnswers()} version={1} onSave={save} assessmentId="a1" />);
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>Continue<\/button>/);
  });

  it("marks the current step for assistive technology", () => {
    const html = renderToString(<Questionnaire initialAnswers={emptyAnswers()} version={1} onSave={save} assessmentId="a1" />);
    expect(html).toMatch(/aria-current="step"[^>]*>1\. Your business/);
    expect(html).toContain('aria-valuenow="0"');
  });
});

describe("steps", () => {
  it("business: labels point at their inputs and an error is tied to its field", () => {
    const html = renderToString(<StepBusiness answers={emptyAnswers()} onChange={noop} canEdit errors={{ "business.name": "Enter the name of your business" }} />);
    expect(html).toContain('<label for="f-business-name"');
    expect(html).toMatch(/id="f-business-name"[^>]*aria-describedby="f-business-name-error"[^>]*aria-invalid="true"|aria-describedby="f-business-name-error"[^>]*aria-invalid="true"[^>]*id="f-business-name"|id="f-business-name"[^>]*aria-describedby="f-business-name-error"/);
    expect(html).toContain('<p id="f-business-name-error" class="text-sm font-medium text-red-800">Enter the name of your business</p>');
    expect(text(html)).toContain("share of revenue that stops × revenue per opening hour + share of staff left idle × staff × cost of a staff hour");
  });

  it("business: “I don't know” shows the engine's default with its source", () => {
    const html = text(renderToString(<StepBusiness answers={emptyAnswers()} onChange={noop} canEdit errors={{}} />));
    expect(html).toContain("I don't know: use $50 an hour");
    expect(html).toContain("Default $50 an hour: assumed; no published figure. Source: loaded wage of a staff hour; judgment.");
    const euros = emptyAnswers();
    euros.business.currency = "EUR";
    expect(text(renderToString(<StepBusiness answers={euros} onChange={noop} canEdit errors={{}} />))).toContain("I don't know: use €50 an hour");
  });

  it("functions: suggests a cost from revenue and staff, and explains RTO in everyday words", () => {
    const a: Answers = emptyAnswers({ name: "Shop" });
    a.business = { ...a.business, operatingHoursPerWeek: 50, yearlyRevenue: 520_000, staffCount: 6, staffCostPerHour: 40 };
    a.functions.items.push({ id: "payments", name: "Taking card payments", template: "payments" });
    const html = text(renderToString(<StepFunctions answers={a} onChange={noop} canEdit errors={{}} />));
    // 0.8 × 520000 / (50 × 52) + 0.3 × 6 × 40 = 160 + 72
    expect(html).toContain("Leave it empty to use our suggestion of $232 an hour: 80 % of $200 revenue per opening hour, plus 30 % of $240 for idle staff.");
    expect(html).toContain("How long can this be down before it really hurts?");
  });

  it("power: a UPS asks for its battery time and what runs on it; rates fall back to sourced defaults", () => {
    const html = text(renderToString(<StepPower answers={harbor()} onChange={noop} canEdit errors={{}} />));
    expect(html).toContain("How many minutes does it keep things running when what feeds it goes off?");
    expect(html).toContain("What runs on it?");
    const fresh = emptyAnswers();
    fresh.power.items.push({ id: "ups", name: "UPS battery", kind: "ups" });
    const freshHtml = text(renderToString(<StepPower answers={fresh} onChange={noop} canEdit errors={{}} />));
    expect(freshHtml).toContain("I don't know: use 0.25 a year");
    expect(freshHtml).toContain("Default 48 hours: assumed; no published figure.");
    expect(freshHtml).toContain("I don't know: leave it empty, and it counts as no battery time.");
  });

  it("internet: with two lines it asks about the shared provider, the shared cable and the switch-over", () => {
    const html = text(renderToString(<StepInternet answers={inventoryToAnswers(loadExample("corner-bistro"))} onChange={noop} canEdit errors={{}} />));
    expect(html).toContain("Do two of your lines come from the same provider?");
    expect(html).toContain("Do your lines come into the building through the same cable or duct?");
    expect(html).toContain("Card terminals uses Cable internet or 4G backup router. When Cable internet fails, how does the backup take over?");
    expect(html).toContain("About how many minutes does the switch-over take?");
  });

  it("internet: a shared cable asks how often it is cut and how long a repair takes, with the default for I don't know", () => {
    const ledger = inventoryToAnswers(loadExample("ledger-accounting"));
    const index = ledger.internet.shared.findIndex((p) => p.id === "conduit");
    expect(index).toBeGreaterThanOrEqual(0);
    const html = renderToString(<StepInternet answers={ledger} onChange={noop} canEdit errors={{ [`internet.shared[${index}].repairHours`]: "Enter hours" }} />);
    expect(text(html)).toContain("How many times a year is this cable or duct cut or damaged?");
    expect(html).toMatch(new RegExp(`id="${fieldId(`internet.shared[${index}].failuresPerYear`)}"[^>]*value="0.2"|value="0.2"[^>]*id="${fieldId(`internet.shared[${index}].failuresPerYear`)}"`));
    expect(html).toContain(`id="${fieldId(`internet.shared[${index}].repairHours`)}-error"`);
    const fresh = emptyAnswers();
    fresh.internet.lines.push({ id: "a", name: "Fiber", kind: "internet", requires: "p" }, { id: "b", name: "Cable", kind: "internet", requires: "p" });
    fresh.internet.shared.push({ id: "p", name: "CityNet network", kind: "internet" });
    const freshHtml = text(renderToString(<StepInternet answers={fresh} onChange={noop} canEdit errors={{}} />));
    expect(freshHtml).toContain("How many times a year does the provider's network go down for all its lines at once?");
    expect(freshHtml).toMatch(/I don't know: use [\d.]+ a year/);
    // A line removed after the answer: the shared part is still shown, so it can be changed or removed.
    fresh.internet.lines.pop();
    const oneLine = text(renderToString(<StepInternet answers={fresh} onChange={noop} canEdit errors={{}} />));
    expect(oneLine).toContain("Do two of your lines come from the same provider?");
    expect(oneLine).toContain("CityNet network");
    expect(oneLine).not.toContain("Backup lines");
  });

  it("network: shows what each device needs, with the backup group of Ledger & Lane's lines", () => {
    const html = renderToString(<StepNetwork answers={inventoryToAnswers(loadExample("northwind-parts"))} onChange={noop} canEdit errors={{}} />);
    expect(text(html)).toContain("Fiber (Provider A) (main)");
    expect(html).toMatch(/<option value="any" selected="">Any one of them/);
    expect(html).toContain('value="30"');
  });

  it("data: lists the copies with where they are and the 3-2-1-1-0 rule", () => {
    const html = renderToString(<StepData answers={harbor()} onChange={noop} canEdit errors={{}} />);
    expect(text(html)).toContain("3 copies, on 2 kinds of storage, 1 away from the building, 1 out of ransomware's reach, and 0 copies whose restore was never tested");
    expect(html).toContain('value="2026-06-02"');
    expect(html).toMatch(/<option value="cloud" selected="">In the cloud<\/option>/);
    expect(html).toContain('value="5"');
    // What an empty cost means is said beside both cost questions.
    expect(text(html).match(/I don't know: leave it empty, and (lost work|losing it all) counts as 0/g)?.length).toBe(2 * harbor().data.dataSets.length);
  });

  it("people: who can fix the router, and would anyone notice", () => {
    const html = renderToString(<StepPeople answers={harbor()} onChange={noop} canEdit errors={{}} />);
    expect(html).toMatch(/id="f-people-care-router-knownBy-maria"[^>]*checked=""|checked=""[^>]*id="f-people-care-router-knownBy-maria"/);
    expect(text(html)).toContain("Would anyone notice at once if Router failed?");
  });

  it("review: each activity with everything it depends on, down to the power", () => {
    const html = text(renderToString(<StepReview answers={harbor()} onChange={noop} canEdit errors={{}} problems={[]} onGoToStep={noop} />));
    expect(html).toContain("Patient scheduling Practice management server UPS 1500VA Utility power Router UPS 1500VA Utility power");
    expect(html).toContain("Email Microsoft 365 mail Router UPS 1500VA Utility power Fiber line (CityNet) UPS 1500VA Utility power");
    expect(html).toContain("What it needs directly");
  });

  it("the summary's link for a questionnaire without activities lands on the list of activities to add", () => {
    const a = emptyAnswers({ name: "Shop" });
    const problem = findAnswerProblems(a, { asOf: "2026-12-01" }).find((p) => p.path === "functions.items");
    expect(problem).toBeDefined();
    const html = renderToString(<StepFunctions answers={a} onChange={noop} canEdit errors={{ [problem!.path]: problem!.message }} />);
    expect(html).toContain(`id="${fieldId(problem!.path)}"`);
    expect(text(html)).toContain(problem!.message);
  });

  it("every link of the error summary lands on the field that shows the error", () => {
    const a = harbor();
    delete a.data.dataSets[0]!.copies![0]!.intervalHours;
    delete a.functions.items[0]!.requires;
    const problems = findAnswerProblems(a, { asOf: "2026-12-01" });
    expect(problems.map((p) => p.step).sort()).toEqual(["data", "review"]);
    const errors = Object.fromEntries(problems.map((p) => [p.path, p.message]));
    const html = {
      data: renderToString(<StepData answers={a} onChange={noop} canEdit errors={errors} />),
      review: renderToString(<StepReview answers={a} onChange={noop} canEdit errors={errors} problems={problems} onGoToStep={noop} />),
    };
    for (const p of problems) {
      const page = html[p.step as keyof typeof html];
      expect(page, `the summary's link for ${p.path}`).toContain(`id="${fieldId(p.path)}"`);
      expect(text(page)).toContain(p.message);
    }
  });

  it("viewers see the answers without controls to change them", () => {
    const html = renderToString(<StepReview answers={harbor()} onChange={noop} canEdit={false} errors={{}} problems={[]} onGoToStep={noop} />);
    expect(html).not.toContain("What it needs directly");
    const power = renderToString(<StepPower answers={harbor()} onChange={noop} canEdit={false} errors={{}} />);
    expect(power).not.toContain("+ Utility power");
    expect(power).toMatch(/id="f-power-items-0--name"|id="f-power-items-0-name"/);
  });
});
