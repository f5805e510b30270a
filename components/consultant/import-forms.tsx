"use client";
/**
 * Import into a client's draft: an interchange JSON document (uploaded or pasted), and components
 * from an RMM tool's CSV with a preview, a column mapping and per-row errors at their lines. Both
 * are all or nothing on the server; the problems come back listed with their paths or lines.
 */
import { useActionState, useId, useState, useTransition } from "react";
import type { CsvMapping, CsvPreview } from "@/lib/interchange/index";
import {
  importCsvAction,
  importInventoryAction,
  previewCsvAction,
  type CsvImportState,
  type ImportState,
} from "@/lib/server/actions/consultant";
import type { FieldProblem } from "@/lib/server/errors";
import { INPUT_CLASS } from "../forms/form-field";
import { FormMessage } from "../forms/form-message";
import { SubmitButton } from "../forms/submit-button";

function ProblemList({ problems, id, label }: { problems: readonly FieldProblem[]; id: string; label: string }) {
  if (problems.length === 0) return null;
  return (
    <div className="space-y-1">
      <h4 id={`${id}-title`} className="font-semibold text-red-900">
        {label}
      </h4>
      <ul id={id} aria-labelledby={`${id}-title`} className="list-disc space-y-1 pl-6 text-sm text-red-900" data-testid="import-problems">
        {problems.map((p, i) => (
          <li key={i}>
            <code className="rounded bg-red-50 px-1">{p.path}</code> {p.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ImportJsonForm({ organizationId, assessmentId, version }: { organizationId: string; assessmentId: string; version: number }) {
  const [state, action] = useActionState<ImportState, FormData>(importInventoryAction.bind(null, organizationId, assessmentId), {});
  const current = Math.max(version, state.version ?? 0);
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="version" value={current} />
      <div className="space-y-1">
        <label htmlFor="import-file" className="block font-medium text-slate-900">
          Inventory file (.json)
        </label>
        <p id="import-file-hint" className="text-sm text-slate-600">
          An interchange document (format resilience-inventory/1), such as one exported from Bulwark. It replaces the current draft answers.
        </p>
        <input id="import-file" name="file" type="file" accept="application/json,.json" aria-describedby="import-file-hint" className="block" />
      </div>
      <div className="space-y-1">
        <label htmlFor="import-text" className="block font-medium text-slate-900">
          …or paste the JSON here
        </label>
        <textarea id="import-text" name="text" rows={6} spellCheck={false} className={`${INPUT_CLASS} font-mono text-sm`} />
      </div>
      <SubmitButton pendingText="Importing…">Import inventory</SubmitButton>
      <FormMessage message={state.message} ok={state.ok} />
      {state.ok ? null : <ProblemList problems={state.problems ?? []} id="json-import-problems" label="Problems in the file" />}
    </form>
  );
}

const FIELD_LABELS: ReadonlyArray<{ field: "name" | "id" | "kind" | "failuresPerYear" | "repairHours"; label: string }> = [
  { field: "name", label: "Name" },
  { field: "id", label: "Id (optional; made from the name otherwise)" },
  { field: "kind", label: "Type" },
  { field: "failuresPerYear", label: "Failures a year" },
  { field: "repairHours", label: "Repair hours" },
];

export function CsvImport({ organizationId, assessmentId, version }: { organizationId: string; assessmentId: string; version: number }) {
  const uid = useId();
  const [csv, setCsv] = useState("");
  const [preview, setPreview] = useState<CsvPreview | null>(null);
  const [mapping, setMapping] = useState<CsvMapping>({});
  const [skipInvalidRows, setSkipInvalidRows] = useState(false);
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const [result, setResult] = useState<CsvImportState | null>(null);
  const [importedVersion, setImportedVersion] = useState(0);
  const [pending, startTransition] = useTransition();
  const current = Math.max(version, importedVersion);

  const runPreview = (nextMapping?: CsvMapping) =>
    startTransition(async () => {
      setResult(null);
      const answer = await previewCsvAction(organizationId, csv, nextMapping);
      if (!answer.ok) {
        setPreview(null);
        setMessage({ text: answer.message, ok: false });
        return;
      }
      setPreview(answer.preview);
      if (!nextMapping) setMapping(answer.preview.suggestedMapping);
      setMessage(
        answer.preview.ok
          ? { text: `Read ${answer.preview.totalRows} rows. Check the columns below, then import.`, ok: true }
          : { text: "This file cannot be imported; see the problems below.", ok: false },
      );
    });

  const runImport = () =>
    startTransition(async () => {
      const answer = await importCsvAction(organizationId, assessmentId, { csv, mapping, version: current, skipInvalidRows });
      setResult(answer);
      if (answer.ok) {
        setImportedVersion(answer.version);
        setMessage({ text: `Added ${answer.added.length} components to the draft.${answer.skipped.length ? ` Skipped ${answer.skipped.length} rows with problems.` : ""}`, ok: true });
      } else setMessage({ text: answer.message ?? "Nothing was imported.", ok: false });
    });

  const setField = (field: keyof CsvMapping, value: string) => {
    const next: CsvMapping = { ...mapping };
    if (value === "") delete (next as Record<string, unknown>)[field];
    else (next as Record<string, unknown>)[field] = field === "monitored" && (value === "true" || value === "false") ? value === "true" : value;
    setMapping(next);
  };

  const toggleNote = (header: string, on: boolean) => {
    const notes = new Set(mapping.notes ?? []);
    if (on) notes.add(header);
    else notes.delete(header);
    const next: CsvMapping = { ...mapping, notes: [...notes] };
    if (notes.size === 0) delete (next as Record<string, unknown>).notes;
    setMapping(next);
  };

  const headers = preview?.headers ?? [];
  return (
    <div className="space-y-4">
      <div className="space-y-1">
        <label htmlFor={`${uid}-file`} className="block font-medium text-slate-900">
          Device list (.csv)
        </label>
        <p id={`${uid}-hint`} className="text-sm text-slate-600">
          As your RMM tool exports it: one device a row, a header row first (name, type, site, IP, …).
        </p>
        <input
          id={`${uid}-file`}
          type="file"
          accept="text/csv,.csv,text/plain"
          aria-describedby={`${uid}-hint`}
          className="block"
          onChange={async (e) => {
            const file = e.currentTarget.files?.[0];
            if (file) setCsv(await file.text());
          }}
        />
      </div>
      <div className="space-y-1">
        <label htmlFor={`${uid}-text`} className="block font-medium text-slate-900">
          …or paste the CSV here
        </label>
        <textarea id={`${uid}-text`} rows={6} spellCheck={false} value={csv} onChange={(e) => setCsv(e.target.value)} className={`${INPUT_CLASS} font-mono text-sm`} />
      </div>
      <button
        type="button"
        onClick={() => runPreview()}
        disabled={pending || csv.trim() === ""}
        className="rounded-md border border-slate-500 bg-white px-4 py-2 font-medium text-slate-900 hover:bg-slate-100 disabled:text-slate-500"
      >
        {pending ? "Reading…" : "Preview"}
      </button>
      {message ? <FormMessage message={message.text} ok={message.ok} /> : null}

      {preview && preview.errors.length > 0 ? (
        <ProblemList problems={preview.errors.map((e) => ({ path: `line ${e.line}`, message: e.column ? `${e.column}: ${e.message}` : e.message }))} id={`${uid}-file-problems`} label="Problems in the file" />
      ) : null}

      {preview && preview.ok ? (
        <div className="space-y-4">
          <fieldset className="space-y-3 rounded-md border border-slate-300 p-3">
            <legend className="px-1 font-semibold">Which column holds what</legend>
            <div className="grid gap-3 sm:grid-cols-2">
              {FIELD_LABELS.map(({ field, label }) => (
                <div key={field} className="space-y-1">
                  <label htmlFor={`${uid}-map-${field}`} className="block text-sm font-medium">
                    {label}
                  </label>
                  <select id={`${uid}-map-${field}`} value={(mapping[field] as string | undefined) ?? ""} onChange={(e) => setField(field, e.target.value)} className={INPUT_CLASS}>
                    <option value="">(not used)</option>
                    {headers.map((h) => (
                      <option key={h} value={h}>
                        {h}
                      </option>
                    ))}
                  </select>
                </div>
              ))}
              <div className="space-y-1">
                <label htmlFor={`${uid}-map-monitored`} className="block text-sm font-medium">
                  Monitored
                </label>
                <select
                  id={`${uid}-map-monitored`}
                  value={mapping.monitored === undefined ? "" : String(mapping.monitored)}
                  onChange={(e) => setField("monitored", e.target.value)}
                  className={INPUT_CLASS}
                >
                  <option value="">(not used)</option>
                  <option value="true">Every device is monitored</option>
                  <option value="false">No device is monitored</option>
                  {headers.map((h) => (
                    <option key={h} value={h}>
                      Column: {h}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <fieldset>
              <legend className="text-sm font-medium">Kept as notes</legend>
              <div className="flex flex-wrap gap-4">
                {headers.map((h) => (
                  <label key={h} className="flex items-center gap-2 text-sm">
                    <input type="checkbox" checked={(mapping.notes ?? []).includes(h)} onChange={(e) => toggleNote(h, e.target.checked)} className="h-4 w-4" />
                    {h}
                  </label>
                ))}
              </div>
            </fieldset>
            <button
              type="button"
              onClick={() => runPreview(mapping)}
              disabled={pending}
              className="rounded-md border border-slate-500 bg-white px-3 py-1 text-sm font-medium text-slate-900 hover:bg-slate-100"
            >
              Update the preview
            </button>
          </fieldset>

          {preview.kindValues.length > 0 ? (
            <table className="w-full border-collapse text-left text-sm">
              <caption className="mb-1 text-left font-semibold">Types found and the kind each becomes</caption>
              <thead>
                <tr className="border-b border-slate-400">
                  <th scope="col">Type in the file</th>
                  <th scope="col">Rows</th>
                  <th scope="col">Imported as</th>
                </tr>
              </thead>
              <tbody>
                {preview.kindValues.map((k) => (
                  <tr key={k.value} className="border-b border-slate-200">
                    <td>{k.value || "(empty)"}</td>
                    <td>{k.count}</td>
                    <td>
                      {k.kind}
                      {k.match === "unknown" || k.match === "empty" ? " (not recognised)" : ""}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}

          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-left text-sm">
              <caption className="mb-1 text-left font-semibold">
                First {preview.rows.length} of {preview.totalRows} rows
              </caption>
              <thead>
                <tr className="border-b border-slate-400">
                  <th scope="col" className="pr-3">
                    Line
                  </th>
                  {headers.map((h) => (
                    <th key={h} scope="col" className="pr-3">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((r) => (
                  <tr key={r.line} className="border-b border-slate-200">
                    <td className="pr-3 tabular-nums">{r.line}</td>
                    {headers.map((h, i) => (
                      <td key={h} className="pr-3">
                        {r.cells[i] ?? ""}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          <label className="flex items-center gap-2">
            <input type="checkbox" checked={skipInvalidRows} onChange={(e) => setSkipInvalidRows(e.target.checked)} className="h-4 w-4" />
            Import the good rows and skip rows with problems
          </label>
          <button type="button" onClick={runImport} disabled={pending} className="rounded-md bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900 disabled:bg-slate-500">
            {pending ? "Importing…" : "Import components"}
          </button>
        </div>
      ) : null}

      {result && !result.ok ? <ProblemList problems={result.problems ?? []} id={`${uid}-row-problems`} label="Problems, by line of the file" /> : null}
      {result && result.ok ? (
        <div className="space-y-2">
          <ul className="list-disc pl-6 text-sm">
            {result.added.map((c) => (
              <li key={c.id}>
                {c.name ?? c.id} ({c.kind})
              </li>
            ))}
          </ul>
          {result.skipped.length > 0 ? (
            <ProblemList problems={result.skipped.map((e) => ({ path: `line ${e.line}`, message: e.column ? `${e.column}: ${e.message}` : e.message }))} id={`${uid}-skipped`} label="Rows skipped" />
          ) : null}
          {result.warnings.length > 0 ? (
            <div>
              <h4 className="font-semibold">Warnings</h4>
              <ul className="list-disc pl-6 text-sm text-amber-900">
                {result.warnings.map((w, i) => (
                  <li key={i}>
                    line {w.line}: {w.column ? `${w.column}: ` : ""}
                    {w.message}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
