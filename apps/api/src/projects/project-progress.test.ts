import { describe, expect, it } from "vitest";
import { Prisma } from "../generated/prisma/client.js";
import { projectStanding } from "./project-progress.js";

const d = (value: string) => new Prisma.Decimal(value);
const report = (periodEnd: string, completed: string | null, progress: string | null) => ({
  periodEnd: new Date(`${periodEnd}T00:00:00Z`),
  completedInvestment: completed === null ? null : d(completed),
  physicalProgress: progress === null ? null : d(progress),
});

describe("projectStanding", () => {
  it("rolls the Chengbei ecological embankment up from its three phases", () => {
    const standing = projectStanding({
      totalInvestment: d("260000000"),
      plannedStart: new Date("2018-03-01T00:00:00Z"),
      plannedFinish: new Date("2023-12-31T00:00:00Z"),
      status: "IN_PROGRESS",
      progressReports: [],
      phases: [
        { totalInvestment: d("43375700"), progressReports: [report("2020-12-31", "15340000", "64")] },
        { totalInvestment: d("35061400"), progressReports: [report("2020-12-31", "7870000", "36")] },
        { totalInvestment: d("51075400"), progressReports: [report("2020-12-31", "39800000", "98")] },
      ],
    });
    expect(standing.completedInvestment?.toFixed(2)).toBe("63010000.00");
    expect(standing.completionRate?.toFixed(2)).toBe("24.23");
    // (43,375,700 × 64 + 35,061,400 × 36 + 51,075,400 × 98) / 129,512,500
    expect(standing.physicalProgress?.toFixed(2)).toBe("69.83");
    expect(standing.asOf?.toISOString().slice(0, 10)).toBe("2020-12-31");
  });

  it("flags the flood embankment as behind: 21.6% done with over half its schedule gone", () => {
    const standing = projectStanding({
      totalInvestment: d("60000000"),
      plannedStart: new Date("2019-06-01T00:00:00Z"),
      plannedFinish: new Date("2021-12-31T00:00:00Z"),
      status: "IN_PROGRESS",
      progressReports: [report("2020-12-31", "12980000", "21.6")],
      phases: [],
    });
    expect(standing.completionRate?.toFixed(2)).toBe("21.63");
    expect(Number(standing.scheduleElapsed)).toBeGreaterThan(50);
    expect(standing.behindSchedule).toBe(true);
  });

  it("does not flag a project within the tolerance, a finished one, or one without a plan", () => {
    const base = {
      totalInvestment: d("100"),
      plannedStart: new Date("2020-01-01T00:00:00Z"),
      plannedFinish: new Date("2020-12-31T00:00:00Z"),
      status: "IN_PROGRESS",
      phases: [],
    };
    expect(projectStanding({ ...base, progressReports: [report("2020-07-01", "45", "45")] }).behindSchedule).toBe(false);
    expect(
      projectStanding({ ...base, status: "COMPLETED", progressReports: [report("2020-12-31", "10", "10")] }).behindSchedule,
    ).toBe(false);
    expect(
      projectStanding({ ...base, plannedFinish: null, progressReports: [report("2020-12-31", "10", "10")] }).behindSchedule,
    ).toBe(false);
  });

  it("leaves figures empty when nothing was reported", () => {
    const standing = projectStanding({
      totalInvestment: d("152301200"),
      plannedStart: null,
      plannedFinish: null,
      status: "IN_PROGRESS",
      progressReports: [],
      phases: [],
    });
    expect(standing).toMatchObject({
      completedInvestment: null,
      completionRate: null,
      physicalProgress: null,
      behindSchedule: false,
    });
  });
});
