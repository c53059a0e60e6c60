import { afterEach, describe, expect, it, vi } from "vitest";
import { heapGovernor } from "@/lib/process/heap";

const g = globalThis as { gc?: () => void };
const original = g.gc;
afterEach(() => {
  g.gc = original;
});

describe("the importer's soft heap cap", () => {
  it("does nothing without --expose-gc", () => {
    g.gc = undefined;
    expect(() => heapGovernor(0)()).not.toThrow();
  });

  it("collects once the heap is past the cap, then lets the cap follow the live size", () => {
    const gc = vi.fn();
    g.gc = gc;
    const tiny = heapGovernor(0);
    tiny();
    expect(gc).toHaveBeenCalledTimes(1);
    const roomy = heapGovernor(1_000_000);
    roomy();
    expect(gc).toHaveBeenCalledTimes(1);
  });
});
