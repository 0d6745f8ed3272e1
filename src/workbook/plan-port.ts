/**
 * What src/excel needs from the sheet plans (src/plans): build a plan for some sheets of a model, read a grid back
 * into a model with its integrity checks, and a blank period. Kept behind one small interface so the gateway's tests
 * can run against the real plans (the default) or a stand-in.
 */
import type { MonitoringPeriod, Settings } from "../model/types";
import type { InsertRequest, SheetKind, WorkbookRead } from "./gateway";
import type { Grid } from "../plans/grid";
import type { WorkbookPlan } from "../plans/types";
import { blankPeriod } from "../model/template";
import { buildWorkbookPlan } from "../plans/workbook";
import { readWorkbook } from "../plans/read";
import type { Hash } from "../engine/signoff";

export type { MonitoringPeriod, Settings, SheetKind };

export interface PlanPort {
  /** A blank period for the request's identity (fresh templates). */
  blank(identity: Pick<InsertRequest, "organisation" | "financialYear" | "period" | "units">): MonitoringPeriod;
  /** The plans of `kinds` for `model`; `names` gives each sheet's name where it is not its kind (e.g. "Revenue (2)"). */
  build(model: MonitoringPeriod, kinds: SheetKind[], names: Partial<Record<SheetKind, string>>): WorkbookPlan;
  /**
   * The model and integrity checks read back from the workbook's Outturn sheets. A signed workbook needs the sign-off's
   * hash (src/engine/sha256.ts): without it the read says signoffUnchecked and has no sign-off status or checks.
   */
  read(grid: Grid, hash?: Hash): WorkbookRead;
  /** The model read back from the grid, without the integrity checks and the rest of a read (null when unreadable). */
  readModel(grid: Grid): MonitoringPeriod | null;
}

export function defaultPlanPort(): PlanPort {
  return {
    blank: ({ organisation, financialYear, period, units }) => blankPeriod({ organisation, financialYear, period, units }),
    // The plans build every sheet (they refer to each other); the port returns the ones asked for, in tab order.
    build: (model, kinds, names) => {
      const plan = buildWorkbookPlan(model, { names });
      return { ...plan, sheets: plan.sheets.filter((s) => kinds.includes(s.kind)) };
    },
    read: (grid, hash) => readWorkbook(grid, { hash }),
    readModel: (grid) => readWorkbook(grid, { modelOnly: true }).model,
  };
}
