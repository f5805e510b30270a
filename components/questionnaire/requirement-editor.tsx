"use client";
/**
 * "What does it need to work?" as a small tree of lists: all of these / one of these (backups,
 * with how the switch-over happens) / at least N of these. Every control is a native form
 * element, so it works by keyboard and with a screen reader.
 */
import { useState } from "react";
import type { Requirement } from "@/lib/engine/schema";
import { SWITCH_OVER_PRESETS } from "@/lib/questionnaire/internet";
import { membersOf, uniqueGroupId, type Group } from "@/lib/questionnaire/requirements";
import { Button } from "@/components/ui/button";
import { FieldError, NumberField, fieldId } from "@/components/ui/field";

export interface RequirementEditorProps {
  /** Answer path of the requirement, e.g. `functions.items[0].requires`. */
  readonly path: string;
  readonly legend: string;
  readonly hint?: string;
  readonly value: Requirement | undefined;
  readonly onChange: (next: Requirement | undefined) => void;
  /** What may be chosen (the owner and anything that would make a circle left out). */
  readonly candidates: ReadonlyArray<{ id: string; name: string }>;
  readonly nameOf: (id: string) => string;
  /** Group ids used anywhere in the answers, so a new switch-over gets a free name. */
  readonly takenGroupIds: ReadonlySet<string>;
  /** Base for new group ids. */
  readonly ownerId: string;
  readonly errors: Readonly<Record<string, string>>;
  readonly disabled?: boolean;
}

type Mode = "all" | "any" | "atLeast";

function modeOf(g: Group): Mode {
  return "all" in g ? "all" : "any" in g ? "any" : "atLeast";
}

function memberKey(g: Group): "all" | "any" | "of" {
  return "all" in g ? "all" : "any" in g ? "any" : "of";
}

function withMembers(g: Group, members: Requirement[]): Group | undefined {
  if (members.length === 0) return undefined;
  if ("all" in g) return { ...g, all: members };
  if ("any" in g) return { ...g, any: members };
  return { atLeast: Math.min(g.atLeast, members.length), of: members };
}

function switchMode(g: Group, mode: Mode): Group {
  const members = [...membersOf(g)];
  if (mode === "all") return { all: members };
  if (mode === "any") return "any" in g ? g : { any: members };
  return { atLeast: Math.max(1, members.length - 1), of: members };
}

/** A top-level list of one component is just that component. */
function tidy(req: Requirement | undefined): Requirement | undefined {
  if (req !== undefined && typeof req !== "string" && "all" in req && req.all.length === 1 && typeof req.all[0] === "string") {
    return req.all[0];
  }
  return req;
}

export function RequirementEditor(props: RequirementEditorProps) {
  const root = props.value;
  const view: Group | undefined = root === undefined ? undefined : typeof root === "string" ? { all: [root] } : root;
  const error = props.errors[props.path];
  const id = fieldId(props.path);
  return (
    // The id is where the error summary's link for this requirement lands.
    <fieldset id={id} tabIndex={-1} className="space-y-2 rounded-md border border-slate-300 p-3" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="px-1 font-medium text-slate-900">{props.legend}</legend>
      {props.hint ? <p className="text-sm text-slate-600">{props.hint}</p> : null}
      {view === undefined ? (
        <>
          <p className="text-sm text-slate-700">Nothing chosen yet.</p>
          <AddMember {...props} group={undefined} path={props.path} onAdd={(member) => props.onChange(member)} exclude={[]} />
        </>
      ) : (
        <GroupEditor {...props} group={view} groupPath={props.path} depth={0} onGroupChange={(g) => props.onChange(tidy(g))} />
      )}
      <FieldError id={error ? `${id}-error` : undefined} message={error} />
    </fieldset>
  );
}

interface GroupEditorProps extends RequirementEditorProps {
  readonly group: Group;
  readonly groupPath: string;
  readonly depth: number;
  readonly onGroupChange: (next: Group | undefined) => void;
}

function GroupEditor(props: GroupEditorProps) {
  const { group, groupPath, depth, onGroupChange, disabled } = props;
  const members = membersOf(group);
  const key = memberKey(group);
  const mode = modeOf(group);
  const modeId = `${fieldId(groupPath)}-mode`;
  const setMember = (i: number, next: Requirement | undefined) => {
    const copy = [...members];
    if (next === undefined) copy.splice(i, 1);
    else copy[i] = next;
    onGroupChange(withMembers(group, copy));
  };
  const move = (i: number, by: -1 | 1) => {
    const copy = [...members];
    const [m] = copy.splice(i, 1);
    copy.splice(i + by, 0, m!);
    onGroupChange(withMembers(group, copy));
  };
  const nameOfMember = (m: Requirement) => (typeof m === "string" ? props.nameOf(m) : "a group");
  return (
    <div className={depth > 0 ? "space-y-2 border-l-4 border-slate-300 pl-3" : "space-y-2"}>
      {members.length > 1 || mode !== "all" ? (
        <div className="space-y-1">
          <label htmlFor={modeId} className="block text-sm font-medium text-slate-900">
            {depth === 0 ? "How many of these does it need?" : "How many of this group does it need?"}
          </label>
          <select
            id={modeId}
            className="rounded-md border border-slate-400 bg-white px-2 py-1"
            value={mode}
            disabled={disabled}
            onChange={(e) => onGroupChange(switchMode(group, e.target.value as Mode))}
          >
            <option value="all">All of them</option>
            <option value="any">Any one of them (the others are backups)</option>
            <option value="atLeast">At least some of them</option>
          </select>
        </div>
      ) : null}
      {"atLeast" in group ? (
        <NumberField
          path={`${groupPath}.atLeast`}
          label="At least how many?"
          value={group.atLeast}
          onChange={(n) => n !== undefined && Number.isInteger(n) && n >= 1 && onGroupChange({ ...group, atLeast: n })}
          error={props.errors[`${groupPath}.atLeast`]}
          disabled={disabled}
        />
      ) : null}
      {"any" in group && members.length > 1 ? <SwitchOver {...props} group={group} /> : null}
      <ul className="space-y-2">
        {members.map((m, i) => {
          const memberPath = `${groupPath}.${key}[${i}]`;
          const error = props.errors[memberPath];
          return (
            <li key={`${i}-${typeof m === "string" ? m : "group"}`} className="space-y-1">
              {typeof m === "string" ? (
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">
                    {"any" in group && i === 0 && members.length > 1 ? `${props.nameOf(m)} (main)` : props.nameOf(m)}
                  </span>
                  <MemberButtons {...props} i={i} count={members.length} name={nameOfMember(m)} onMove={move} onRemove={() => setMember(i, undefined)} />
                </div>
              ) : (
                <div className="space-y-1">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="text-sm font-medium text-slate-700">Group {i + 1}</span>
                    <MemberButtons {...props} i={i} count={members.length} name={`group ${i + 1}`} onMove={move} onRemove={() => setMember(i, undefined)} />
                  </div>
                  <GroupEditor {...props} group={m} groupPath={memberPath} depth={depth + 1} onGroupChange={(g) => setMember(i, g)} />
                </div>
              )}
              <FieldError id={error ? `${fieldId(memberPath)}-error` : undefined} message={error} />
            </li>
          );
        })}
      </ul>
      <AddMember
        {...props}
        path={groupPath}
        group={group}
        exclude={members.filter((m): m is string => typeof m === "string")}
        onAdd={(member) => onGroupChange(withMembers(group, [...members, member]))}
      />
    </div>
  );
}

function MemberButtons(props: {
  i: number;
  count: number;
  name: string;
  disabled?: boolean;
  onMove: (i: number, by: -1 | 1) => void;
  onRemove: () => void;
}) {
  if (props.disabled) return null;
  return (
    <span className="flex gap-2 text-sm">
      {props.i > 0 ? (
        <Button variant="link" onClick={() => props.onMove(props.i, -1)} aria-label={`Move ${props.name} up`}>
          Up
        </Button>
      ) : null}
      {props.i < props.count - 1 ? (
        <Button variant="link" onClick={() => props.onMove(props.i, 1)} aria-label={`Move ${props.name} down`}>
          Down
        </Button>
      ) : null}
      <Button variant="link" onClick={props.onRemove} aria-label={`Remove ${props.name}`}>
        Remove
      </Button>
    </span>
  );
}

function SwitchOver(props: GroupEditorProps & { group: Extract<Group, { any: Requirement[] }> }) {
  const { group, onGroupChange, disabled, groupPath } = props;
  const minutes = group.failoverMinutes ?? 0;
  const name = `${fieldId(groupPath)}-switch`;
  const setMinutes = (m: number | undefined) => {
    const next: Record<string, unknown> = { ...group };
    if (m === undefined || m <= 0) delete next.failoverMinutes;
    else {
      next.failoverMinutes = m;
      if (group.id === undefined) next.id = uniqueGroupId(`${props.ownerId}-backup`, props.takenGroupIds);
    }
    onGroupChange(next as Group);
  };
  return (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium text-slate-900">When the main one fails, how does a backup take over?</legend>
      <label className="flex items-start gap-2 text-sm">
        <input type="radio" name={name} className="mt-1 accent-blue-700" checked={minutes === 0} disabled={disabled} onChange={() => setMinutes(0)} />
        <span>They all work at the same time: nothing to switch</span>
      </label>
      <label className="flex items-start gap-2 text-sm">
        <input
          type="radio"
          name={name}
          className="mt-1 accent-blue-700"
          checked={minutes > 0}
          disabled={disabled}
          onChange={() => setMinutes(minutes > 0 ? minutes : SWITCH_OVER_PRESETS.automatic)}
        />
        <span>There is a switch-over, automatic or by hand</span>
      </label>
      {minutes > 0 ? (
        <div className="space-y-2 pl-6">
          <NumberField
            path={`${groupPath}.failoverMinutes`}
            label="About how many minutes does the switch-over take?"
            hint="Automatic switching usually takes a minute or two; by hand, as long as it takes someone to notice and act."
            unit="minutes"
            value={minutes}
            onChange={(m) => setMinutes(m)}
            error={props.errors[`${groupPath}.failoverMinutes`]}
            disabled={disabled}
          />
          <div className="flex flex-wrap gap-2 text-sm">
            <Button disabled={disabled} onClick={() => setMinutes(SWITCH_OVER_PRESETS.automatic)}>
              Automatic (about {SWITCH_OVER_PRESETS.automatic} minutes)
            </Button>
            <Button disabled={disabled} onClick={() => setMinutes(SWITCH_OVER_PRESETS.manual)}>
              By hand (about {SWITCH_OVER_PRESETS.manual} minutes)
            </Button>
          </div>
        </div>
      ) : null}
    </fieldset>
  );
}

function AddMember(props: RequirementEditorProps & { group: Group | undefined; exclude: readonly string[]; onAdd: (member: Requirement) => void }) {
  const options = props.candidates.filter((c) => !props.exclude.includes(c.id));
  const [choice, setChoice] = useState("");
  const selectId = `${fieldId(props.path)}-add`;
  if (props.disabled) return null;
  if (options.length === 0) {
    return (
      <p className="text-sm text-slate-600">
        Nothing to choose here: either everything listed so far already depends on this, or the rest has not been added yet
        (power, internet, network gear and computers each have their own step).
      </p>
    );
  }
  const chosen = options.find((o) => o.id === choice)?.id ?? "";
  return (
    <div className="flex flex-wrap items-end gap-2">
      <div className="space-y-1">
        <label htmlFor={selectId} className="block text-sm text-slate-800">
          Add something it needs
        </label>
        <select id={selectId} className="rounded-md border border-slate-400 bg-white px-2 py-1" value={chosen} onChange={(e) => setChoice(e.target.value)}>
          <option value="">Choose…</option>
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </div>
      <Button
        disabled={chosen === ""}
        onClick={() => {
          props.onAdd(chosen);
          setChoice("");
        }}
      >
        Add
      </Button>
      {props.group !== undefined ? (
        <Button
          disabled={chosen === ""}
          onClick={() => {
            props.onAdd({ any: [chosen] });
            setChoice("");
          }}
        >
          Add as a group of backups
        </Button>
      ) : null}
    </div>
  );
}
