"use client";
/** The power, network and computers steps: lists of equipment with starting points. */
import { NETWORK_TEMPLATES, POWER_TEMPLATES, SYSTEM_TEMPLATES } from "@/lib/questionnaire/templates";
import { ComponentListStep } from "./component-list-step";
import type { StepProps } from "./types";

export function StepPower(props: StepProps) {
  return (
    <ComponentListStep
      {...props}
      list={{ step: "power", key: "items" }}
      templates={POWER_TEMPLATES}
      kinds={["power", "ups", "generator", "site"]}
      dependentsQuestion="What runs on it?"
      emptyText="Nothing added yet. Most businesses start with the utility power, and a UPS if they have one."
      intro={
        <>
          <p>Where does the electricity come from, and what keeps things running when it goes off?</p>
          <p className="text-sm text-slate-600">
            A UPS is a battery box that keeps equipment running for a few minutes. If you have a generator, say what it
            powers and whether it starts by itself: add the generator here, then, on the UPS or equipment it feeds, choose
            “Any one of them” with the utility power first and the generator as the backup.
          </p>
        </>
      }
    />
  );
}

export function StepNetwork(props: StepProps) {
  return (
    <ComponentListStep
      {...props}
      list={{ step: "network", key: "items" }}
      templates={NETWORK_TEMPLATES}
      kinds={["network"]}
      dependentsQuestion="What connects through it?"
      emptyText="Nothing added yet. Almost every office has at least a router."
      intro={<p>The boxes between your internet line and your computers: router, firewall, switches, Wi-Fi.</p>}
    />
  );
}

export function StepSystems(props: StepProps) {
  return (
    <ComponentListStep
      {...props}
      list={{ step: "systems", key: "items" }}
      templates={SYSTEM_TEMPLATES}
      kinds={["server", "storage", "application", "saas", "cloud", "endpoint", "data", "other", "site"]}
      dependentsQuestion="What runs on it or uses it?"
      emptyText="Nothing added yet: add the servers, software and online services your activities use."
      intro={
        <p>
          Servers, storage, software you run yourselves, online services (email, bookings, accounting, payments) and the
          computers, tills and printers people work at. For each, say what it needs and which activities stop without it.
        </p>
      }
    />
  );
}
