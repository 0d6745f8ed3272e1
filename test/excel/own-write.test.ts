/**
 * The one own-write helper every writing action of the Excel gateway uses (insert, save settings, close and reopen):
 * events off around the writes and back on after a failure, the guard against late own events, errors in words.
 */
import { OWN_WRITE_GRACE_MS, OwnWrites } from "../../src/excel/own-write";
import { WorkbookError } from "../../src/workbook/errors";
import { FakeExcel } from "../support/fake-excel";

function setup() {
  const fake = new FakeExcel();
  fake.addSheet("Revenue");
  let clock = 0;
  const writes = new OwnWrites(fake, () => clock);
  return { fake, writes, advance: (ms: number) => { clock += ms; } };
}

describe("OwnWrites", () => {
  it("writes with events off, and leaves them on, raising no change event", async () => {
    const { fake, writes } = setup();
    const heard = jest.fn(async () => undefined);
    fake.sheet("Revenue")!.handlers.push(heard);
    await writes.run(() => ({ action: "write" }), async (context, events) => {
      events.off();
      context.workbook.worksheets.getItem("Revenue").getRange("A1").values = [[1]];
      events.on();
      await context.sync();
    });
    expect(fake.valueOf("Revenue", "A1")).toBe(1);
    expect(fake.enableEvents).toBe(true);
    expect(fake.deliveredEvents).toHaveLength(0);
    expect(fake.syncs.flatMap((s) => s.ops).map((o) => o.member)).toEqual(["enableEvents", "values", "enableEvents"]);
  });

  it("turns events back on in one more request when the write fails after turning them off, and says why in words", async () => {
    const { fake, writes } = setup();
    const error = await writes.run(() => ({ action: "save the settings", sheets: ["Settings"] }), async (context, events) => {
      events.off();
      await context.sync(); // events are off in Excel now
      context.workbook.worksheets.getItem("Settings").getRange("A1").values = [[1]]; // no such sheet: ItemNotFound
      events.on();
      await context.sync();
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookError);
    expect(error).toMatchObject({ code: "NotFound", officeCode: "ItemNotFound", message: expect.stringContaining('"Settings" sheet could not be found') });
    expect(fake.enableEvents).toBe(true);
    expect(fake.runs).toBe(2);
  });

  it("takes change events during a write and for the grace period after it as its own", async () => {
    const { writes, advance } = setup();
    expect(writes.isOwn()).toBe(false);
    let during = false;
    await writes.run(() => ({ action: "write" }), async (context) => {
      during = writes.isOwn();
      await context.sync();
    });
    expect(during).toBe(true);
    expect(writes.isOwn()).toBe(true);
    advance(OWN_WRITE_GRACE_MS);
    expect(writes.isOwn()).toBe(false);
  });
});
