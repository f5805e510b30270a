"use client";
/** A step that lists things of a few kinds, with one-click starting points. */
import type { ReactNode } from "react";
import type { ComponentKind } from "@/lib/engine/schema";
import { componentList, type ComponentListRef } from "@/lib/questionnaire/steps";
import { addComponent } from "@/lib/questionnaire/edit";
import type { ComponentTemplate } from "@/lib/questionnaire/templates";
import { Button } from "@/components/ui/button";
import { ComponentCard } from "./component-card";
import type { StepProps } from "./types";

interface ComponentListStepProps extends StepProps {
  readonly list: ComponentListRef;
  readonly intro: ReactNode;
  readonly templates: readonly ComponentTemplate[];
  readonly kinds: readonly ComponentKind[];
  readonly dependentsQuestion?: string;
  readonly emptyText: string;
}

export function ComponentListStep(props: ComponentListStepProps) {
  const items = componentList(props.answers, props.list);
  return (
    <div className="space-y-6">
      <div className="space-y-2 text-slate-800">{props.intro}</div>
      {props.canEdit ? (
        <div className="space-y-2">
          <p className="font-medium">Add:</p>
          <div className="flex flex-wrap gap-2">
            {props.templates.map((t) => (
              <Button key={t.id} onClick={() => props.onChange(addComponent(props.answers, props.list, { name: t.name, kind: t.kind }).answers)} title={t.hint}>
                + {t.name}
              </Button>
            ))}
          </div>
        </div>
      ) : null}
      {items.length === 0 ? <p className="text-slate-700">{props.emptyText}</p> : null}
      {items.map((c, i) => (
        <ComponentCard
          key={c.id}
          {...props}
          component={c}
          path={`${props.list.step}.${props.list.key}[${i}]`}
          kinds={props.kinds.includes(c.kind) ? props.kinds : [...props.kinds, c.kind]}
          dependentsQuestion={props.dependentsQuestion}
        />
      ))}
    </div>
  );
}
