import { Refresher } from "../../src/taskpane/refresher";

const tick = () => new Promise((r) => setImmediate(r));

describe("Refresher", () => {
  beforeEach(() => jest.useFakeTimers({ doNotFake: ["setImmediate"] }));
  afterEach(() => jest.useRealTimers());

  it("debounces a burst of changes into one run, 500 ms after the last", async () => {
    const run = jest.fn(async () => undefined);
    const r = new Refresher(run, 500);
    r.schedule();
    jest.advanceTimersByTime(300);
    r.schedule();
    jest.advanceTimersByTime(499);
    expect(run).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    await tick();
    expect(run).toHaveBeenCalledTimes(1);
  });

  it("runs now on demand and cancels a scheduled run", async () => {
    const run = jest.fn(async () => undefined);
    const r = new Refresher(run, 500);
    r.schedule();
    await r.now();
    jest.advanceTimersByTime(1000);
    await tick();
    expect(run).toHaveBeenCalledTimes(1);
  });

  it("never overlaps runs: requests during a run coalesce into one more run after it", async () => {
    let release: () => void = () => undefined;
    let active = 0, maxActive = 0;
    const run = jest.fn(() => new Promise<void>((resolve) => {
      active++;
      maxActive = Math.max(maxActive, active);
      release = () => { active--; resolve(); };
    }));
    const r = new Refresher(run, 500);
    const first = r.now();
    await tick();
    const second = r.now();
    const third = r.now();
    expect(second).toBe(third);
    release();
    await first;
    await tick();
    expect(run).toHaveBeenCalledTimes(2);
    release();
    await second;
    expect(maxActive).toBe(1);
  });

  it("keeps working after a failed run, and stops after dispose", async () => {
    const run = jest.fn().mockRejectedValueOnce(new Error("busy")).mockResolvedValue(undefined);
    const r = new Refresher(run, 500);
    await r.now();
    await r.now();
    expect(run).toHaveBeenCalledTimes(2);
    r.dispose();
    r.schedule();
    await r.now();
    jest.advanceTimersByTime(1000);
    expect(run).toHaveBeenCalledTimes(2);
  });
});
