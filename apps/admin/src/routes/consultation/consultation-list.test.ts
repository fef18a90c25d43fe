import { describe, expect, it } from "vitest";
import { inTimeShare, mergeTopics } from "./consultation-list.js";

describe("a community's topic list", () => {
  it("puts the topics awaiting an answer first, nearest deadline first, and lists each topic once", () => {
    const open = [
      { number: 7, answerDue: "2026-12-09" },
      { number: 5, answerDue: "2026-11-12" },
    ];
    const latest = [{ number: 9 }, { number: 7, answerDue: "2026-12-09" }, { number: 3 }];
    expect(mergeTopics(open, latest).map((topic) => topic.number)).toEqual([5, 7, 9, 3]);
  });

  it("counts as due the answered topics and those past their deadline, and as in time those answered by it", () => {
    expect(
      inTimeShare([
        { number: 1, answeredOn: "2026-11-01", answeredInTime: true },
        { number: 2, answeredOn: "2026-11-20", answeredInTime: false },
        { number: 3, overdueDays: 4 },
        { number: 4, overdueDays: null },
      ]),
    ).toEqual({ due: 3, inTime: 1 });
  });
});
