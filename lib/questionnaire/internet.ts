/**
 * The internet step's plain questions, as edits on the structure:
 * - "Do two lines come from the same provider?" A provider's network is a shared component
 *   (kind internet) that each of those lines requires: one fault there takes down both.
 * - "Do they come into the building through the same cable or duct?" The same, with a shared
 *   cable component (kind other: a dig-up or a cut cable, not the loss of the premises).
 * - "When the main line fails, how does the backup take over?" Any backup group of lines gets
 *   `failoverMinutes` (and the id the format requires for it): 0 when both lines are in use at
 *   once, a minute or two when a router switches automatically, longer when someone must do it.
 */
import type { Requirement } from "@/lib/engine/schema";
import type { Answers, ComponentAnswer } from "./answers";
import { allComponents } from "./steps";
import { addComponent, requirementOf, setRequires, updateComponent, usedGroupIds, type RequirementOwner } from "./edit";
import { addRequirement, forEachGroup, membersOf, nodeAt, referencedIds, removeRequirement, replaceAt, uniqueGroupId, type Group, type RequirementPath } from "./requirements";

export type SharedPartType = "provider" | "cable";

export const SWITCH_OVER_PRESETS = {
  /** A router with two WAN ports or a 4G failover box: about a minute or two. */
  automatic: 2,
  /** Someone notices, goes to the cupboard and swaps a cable: half an hour is typical. */
  manual: 30,
} as const;

export function sharedPartType(part: ComponentAnswer): SharedPartType {
  return part.kind === "internet" ? "provider" : "cable";
}

/** Lines that require a shared part. */
export function linesUsing(answers: Answers, partId: string): ComponentAnswer[] {
  return answers.internet.lines.filter((l) => referencedIds(l.requires).includes(partId));
}

/** The derived answer to "same provider?" / "same cable?": yes when such a shared part exists. */
export function hasSharedPart(answers: Answers, type: SharedPartType): boolean {
  return answers.internet.shared.some((p) => sharedPartType(p) === type && linesUsing(answers, p.id).length > 0);
}

/** Lines grouped by the provider the owner typed, for "these two come from Metro". */
export function linesByProvider(answers: Answers): Map<string, ComponentAnswer[]> {
  const out = new Map<string, ComponentAnswer[]>();
  for (const line of answers.internet.lines) {
    const key = line.provider?.trim();
    if (!key) continue;
    const found = [...out.keys()].find((k) => k.toLowerCase() === key.toLowerCase()) ?? key;
    out.set(found, [...(out.get(found) ?? []), line]);
  }
  return out;
}

/** Add a shared part and make the given lines require it. */
export function addSharedPart(
  answers: Answers,
  type: SharedPartType,
  lineIds: readonly string[],
  provider?: string,
): { answers: Answers; id: string } {
  const fields =
    type === "provider"
      ? { name: provider ? `${provider} network (shared by the lines)` : "The provider's network (shared by the lines)", kind: "internet" as const, ...(provider ? { provider } : {}) }
      : { name: "Shared cable or duct into the building", kind: "other" as const };
  const added = addComponent(answers, { step: "internet", key: "shared" }, fields);
  return { answers: setPartLines(added.answers, added.id, lineIds), id: added.id };
}

/** Make exactly these lines require the shared part. */
export function setPartLines(answers: Answers, partId: string, lineIds: readonly string[]): Answers {
  let next = answers;
  for (const line of answers.internet.lines) {
    const wants = lineIds.includes(line.id);
    const has = referencedIds(line.requires).includes(partId);
    if (wants && !has) next = updateComponent(next, line.id, { requires: addRequirement(line.requires, partId) });
    if (!wants && has) next = updateComponent(next, line.id, { requires: removeRequirement(line.requires, partId) });
  }
  return next;
}

export interface LineGroupRef {
  readonly owner: RequirementOwner;
  readonly ownerName: string;
  readonly path: RequirementPath;
  readonly group: Extract<Group, { any: Requirement[] }>;
  readonly lines: readonly ComponentAnswer[];
}

/** Every "one of these lines" group, wherever it is: the backup arrangements to ask about. */
export function lineGroups(answers: Answers): LineGroupRef[] {
  const lineIds = new Set(answers.internet.lines.map((l) => l.id));
  const byId = new Map(answers.internet.lines.map((l) => [l.id, l]));
  const out: LineGroupRef[] = [];
  const scan = (owner: RequirementOwner, ownerName: string, req: Requirement | undefined) =>
    forEachGroup(req, (group, path) => {
      if (!("any" in group)) return;
      const members = membersOf(group);
      if (members.length < 2 || !members.every((m) => typeof m === "string" && lineIds.has(m))) return;
      out.push({ owner, ownerName, path, group, lines: members.map((m) => byId.get(m as string)!) });
    });
  for (const { component } of allComponents(answers)) scan({ type: "component", id: component.id }, component.name || component.id, component.requires);
  for (const f of answers.functions.items) scan({ type: "function", id: f.id }, f.name || f.id, f.requires);
  return out;
}

/**
 * Set the switch-over time of a backup group; 0 or undefined means both lines work at once. A
 * group that switches needs an id: one is made from the owner's id when it has none.
 */
export function setSwitchOver(answers: Answers, ref: Pick<LineGroupRef, "owner" | "path">, minutes: number | undefined): Answers {
  const req = requirementOf(answers, ref.owner);
  const node = nodeAt(req, ref.path);
  if (node === undefined || typeof node === "string" || !("any" in node)) return answers;
  const next: Record<string, unknown> = { ...node };
  if (minutes === undefined || minutes === 0) delete next.failoverMinutes;
  else {
    next.failoverMinutes = minutes;
    if (node.id === undefined) next.id = uniqueGroupId(`${ref.owner.id}-lines`, usedGroupIds(answers));
  }
  return setRequires(answers, ref.owner, replaceAt(req, ref.path, next as Requirement));
}

/** Make `owner` need one of the given lines (the first is the main line), replacing single-line needs. */
export function useLinesAsBackup(answers: Answers, owner: RequirementOwner, lineIds: readonly string[], minutes?: number): Answers {
  let req = requirementOf(answers, owner);
  for (const id of lineIds) req = removeRequirement(req, id);
  const group: Record<string, unknown> = { any: [...lineIds] };
  if (minutes !== undefined && minutes > 0) {
    group.id = uniqueGroupId(`${owner.id}-lines`, usedGroupIds(answers));
    group.failoverMinutes = minutes;
  }
  const combined: Requirement =
    req === undefined ? (group as Requirement) : typeof req !== "string" && "all" in req ? { ...req, all: [...req.all, group as Requirement] } : { all: [req, group as Requirement] };
  return setRequires(answers, owner, combined);
}
