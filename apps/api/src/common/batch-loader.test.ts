import { describe, expect, it } from "vitest";
import { batchLoader } from "./batch-loader.js";

describe("batchLoader", () => {
  it("loads the keys asked in one tick together, each once", async () => {
    const calls: number[][] = [];
    const double = batchLoader(async (keys: number[]) => {
      calls.push(keys);
      return new Map(keys.map((key) => [key, key * 2]));
    });
    expect(await Promise.all([double(1), double(2), double(1)])).toEqual([2, 4, 2]);
    expect(await double(2)).toBe(4);
    expect(calls).toEqual([[1, 2]]);
  });

  it("knows a value at once only once it is loaded or primed, and a primed key is never loaded", async () => {
    const calls: number[][] = [];
    const double = batchLoader(async (keys: number[]) => {
      calls.push(keys);
      return new Map(keys.map((key) => [key, key * 2]));
    });
    expect(double.known(1)).toBeUndefined();
    const loading = double(1);
    expect(double.known(1)).toBeUndefined();
    await loading;
    expect(double.known(1)).toBe(2);
    double.prime(5, 11);
    expect(double.known(5)).toBe(11);
    expect(await double(5)).toBe(11);
    // A prime after a load does not replace what was loaded.
    double.prime(1, 99);
    expect([double.known(1), await double(1)]).toEqual([2, 2]);
    expect(calls).toEqual([[1]]);
  });
});
