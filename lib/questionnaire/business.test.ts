import { describe, expect, it } from "vitest";
import { ORGANIZATION_DEFAULTS } from "@/lib/engine/defaults";
import { suggestDowntimeCostPerHour } from "./business";

describe("suggestDowntimeCostPerHour", () => {
  it("adds the lost revenue of an opening hour and the idle staff cost, each by its share", () => {
    const s = suggestDowntimeCostPerHour(
      { yearlyRevenue: 520_000, operatingHoursPerWeek: 50, staffCount: 6, staffCostPerHour: 40 },
      { revenueShare: 0.5, staffShare: 1 },
    )!;
    expect(s.revenuePerOpeningHour).toBe(200);
    expect(s.idleStaffCostPerHour).toBe(240);
    expect(s.costPerHour).toBe(340);
    expect(s.usedDefaultStaffCost).toBe(false);
  });

  it("uses the engine's default staff cost when it is not known", () => {
    const s = suggestDowntimeCostPerHour({ yearlyRevenue: 0, operatingHoursPerWeek: 40, staffCount: 2 }, { revenueShare: 1, staffShare: 0.5 })!;
    expect(s.costPerHour).toBe(ORGANIZATION_DEFAULTS.staffCostPerHour.value);
    expect(s.usedDefaultStaffCost).toBe(true);
  });

  it("counts no staff when the staff count is not known", () => {
    expect(suggestDowntimeCostPerHour({ yearlyRevenue: 104_000, operatingHoursPerWeek: 40 }, { revenueShare: 1, staffShare: 1 })!.costPerHour).toBe(50);
  });

  it("gives nothing without revenue or without opening hours", () => {
    expect(suggestDowntimeCostPerHour({ operatingHoursPerWeek: 40, staffCount: 3 }, { revenueShare: 1, staffShare: 1 })).toBeUndefined();
    expect(suggestDowntimeCostPerHour({ yearlyRevenue: 1000, operatingHoursPerWeek: 0 }, { revenueShare: 1, staffShare: 1 })).toBeUndefined();
  });
});
