import { describe, expect, it } from "vitest";
import { AccessScope } from "./access-scope.js";

// A small tree: province 1 > county 2 > towns 3 and 4; another county 5.
const PROVINCE = { id: 1, path: [1] };
const COUNTY = { id: 2, path: [1, 2] };
const TOWN = { id: 3, path: [1, 2, 3] };
const OTHER_TOWN = { id: 4, path: [1, 2, 4] };
const OTHER_COUNTY = { id: 5, path: [1, 5] };

describe("an access scope", () => {
  it("holds each capability in the grant's region and everything below it, nowhere else", () => {
    const scope = AccessScope.of([{ role: "EDITOR", region: TOWN }]);
    expect(scope.covers("read", TOWN.path)).toBe(true);
    expect(scope.covers("edit", [...TOWN.path, 99])).toBe(true);
    expect(scope.covers("read", OTHER_TOWN.path)).toBe(false);
    expect(scope.covers("read", COUNTY.path)).toBe(false);
    expect(scope.has("approve")).toBe(false);
  });

  it("keeps editing, approving and administering apart; every role reads", () => {
    const scope = AccessScope.of([
      { role: "APPROVER", region: COUNTY },
      { role: "ANALYST", region: OTHER_COUNTY },
    ]);
    expect(scope.rootsFor("read")).toEqual([2, 5]);
    expect(scope.rootsFor("approve")).toEqual([2]);
    expect(scope.rootsFor("query")).toEqual([5]);
    expect(scope.has("edit")).toBe(false);
    expect(scope.has("admin")).toBe(false);
  });

  it("keeps only the outermost regions when grants nest", () => {
    const scope = AccessScope.of([
      { role: "VIEWER", region: TOWN },
      { role: "VIEWER", region: PROVINCE },
      { role: "EDITOR", region: OTHER_TOWN },
    ]);
    expect(scope.rootsFor("read")).toEqual([1]);
    expect(scope.rootsFor("edit")).toEqual([4]);
  });

  it("gives nobody anything when anonymous", () => {
    const scope = AccessScope.anonymous();
    expect(scope.signedIn).toBe(false);
    expect(scope.covers("read", PROVINCE.path)).toBe(false);
  });
});
