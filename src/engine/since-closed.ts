/**
 * "Since the last closed period" (issue 15): the inputs changed since the latest earlier closed period, in the shape of
 * "since the last sign-off" (src/engine/signoff.ts, InputChange). What a closed period keeps is what it can be compared
 * on: its snapshot on the Period history sheet holds each revenue line's and transfer's revised budget and forecast
 * outturn (by group and name), not its actuals, commentary, capital, reserves, savings or settings; so those are
 * compared and the rest is said not to be. A line is matched by its group and name, as the movement by line is
 * (./line-movements.ts): a line added since shows blank before, one removed blank after. Exact: decimal strings.
 */
import type { Decimal, MonitoringPeriod, PeriodId } from "../model/types";
import type { Place } from "./checks";
import type { InputChange } from "./signoff";
import { previousSnapshot } from "./position";
import { snapshotLineKey } from "./previous-variances";

export interface SinceClosed {
  /** The closed period compared with, and when it was closed (null: not recorded). */
  since: PeriodId;
  closedOn: string | null;
  /** False when that period was closed before Outturn kept its lines: nothing can be compared by line. */
  comparable: boolean;
  changes: InputChange[];
}

/** What the Period history keeps of a closed period, in words (the pane says what is compared). */
export const KEPT_WHEN_CLOSED = "each revenue line's and transfer's revised budget and forecast outturn";

const COLUMNS = [["revisedBudget", "revised budget"], ["forecastOutturn", "forecast outturn"]] as const;
type Figures = { revisedBudget: Decimal | null; forecastOutturn: Decimal | null };
const text = (d: Decimal | null | undefined): string => (d ? d.toString() : "");

/** Null when the period has no earlier closed period. `locate`: the cell showing a figure now (the read-back's). */
export function changesSinceClosed(model: MonitoringPeriod, locate: (place: Place) => string | null): SinceClosed | null {
  const closed = previousSnapshot(model);
  if (!closed) return null;
  if (!closed.lines) return { since: closed.period, closedOn: closed.closedOn, comparable: false, changes: [] };
  const then = new Map<string, Figures & { name: string; group: string }>();
  for (const l of closed.lines) then.set(snapshotLineKey(l.group, l.name), l);
  for (const t of closed.transfers ?? []) then.set(snapshotLineKey("Transfers", t.name), { ...t, group: "Transfers" });
  const now = [
    ...model.revenue.groups.flatMap((g) => g.lines.map((l) => ({ group: g.name, name: l.name, ...pick(l) }))),
    ...model.revenue.transfers.map((t) => ({ group: "Transfers", name: t.name, ...pick(t) })),
  ];
  const changes: InputChange[] = [];
  const compare = (group: string, name: string, before: Figures | undefined, after: Figures | undefined) => {
    for (const [column, words] of COLUMNS) {
      const b = text(before?.[column]), a = text(after?.[column]);
      if (a === b) continue;
      changes.push({
        key: `Revenue|${group}|${name}|${column}`, where: after ? locate({ area: "revenue", row: name, column }) : null,
        what: `Revenue, ${group === "Transfers" ? "transfer" : group}: ${name}, ${words}`, before: b, after: a,
      });
    }
  };
  for (const l of now) {
    const key = snapshotLineKey(l.group, l.name);
    compare(l.group, l.name, then.get(key), l);
    then.delete(key);
  }
  for (const gone of then.values()) compare(gone.group, gone.name, gone, undefined);
  return { since: closed.period, closedOn: closed.closedOn, comparable: true, changes };
}

const pick = (l: Figures): Figures => ({ revisedBudget: l.revisedBudget, forecastOutturn: l.forecastOutturn });
