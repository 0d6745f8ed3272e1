/** The whole workbook plan of a period: every sheet, in tab order, with the style table. Pure. */
import type { MonitoringPeriod } from "../model/types";
import { type Position, computePosition } from "../engine/position";
import { type SheetNames, SHEET_KINDS_IN_ORDER, defaultSheetNames, makeContext } from "./context";
import { STYLES } from "./styles";
import type { SheetKind, SheetPlan, WorkbookPlan } from "./types";
import { locator } from "./read/locate";
import { capitalSheet } from "./sheets/capital/layout";
import { historySheet } from "./sheets/history/layout";
import { reservesSheet } from "./sheets/reserves/layout";
import { revenueSheet } from "./sheets/revenue/layout";
import { savingsSheet } from "./sheets/savings/layout";
import { settingsSheet } from "./sheets/settings/layout";
import { summarySheet } from "./sheets/summary/layout";
import { slidesSheet } from "./sheets/slides/layout";
import { profilesSheet } from "./sheets/profiles/layout";
import { signoffSheet } from "./sheets/signoff/layout";
import { actionsSheet } from "./sheets/actions/layout";
import { workforceSheet } from "./sheets/workforce/layout";
import type { BoardAction } from "../engine/actions";
import type { Virement } from "../engine/virements";
import { virementsSheet } from "./sheets/virements/layout";
import { type Hash, type SignOffBook, describeStatus, signOffStatus } from "../engine/signoff";
import { planInputs } from "./sheets/signoff/inputs";

export interface PlanOptions {
  /** Sheet names other than the kinds' own (e.g. { Revenue: "Revenue (2)" }); formulas refer to these names. */
  names?: Partial<SheetNames>;
  /** The position of the model, when already computed. */
  position?: Position;
  /** Only these sheets (in tab order). Their formulas still refer to the others by name, so those must exist. */
  kinds?: SheetKind[];
  /** The sign-offs to keep (a workbook signed off): adds the Sign-off sheet after the others. */
  signoff?: SignOffBook | null;
  /**
   * The sign-off fingerprint's hash (src/engine/sha256.ts), for the Summary's line on where the inputs stand against
   * the sign-offs. Without it (a read whose sign-off is checked afterwards: src/plans/read withSignoffStatus) the line
   * says the sign-off is being checked; the plan's cells and rows are otherwise the same.
   */
  hash?: Hash;
  /** The board's actions: adds the Actions sheet (with a row for each item needing an action that has none). */
  actions?: readonly BoardAction[] | null;
  /** The virement log: adds the Virements sheet (src/plans/sheets/virements). */
  virements?: readonly Virement[] | null;
}

/**
 * Every Outturn sheet for the model: Summary, Revenue, Capital, Reserves, Savings, Profiles, History, Settings, Slides (charts). The sheets refer
 * to each other (everything reads Settings; Summary reads all), so insert them together.
 */
export function buildWorkbookPlan(model: MonitoringPeriod, options: PlanOptions = {}): WorkbookPlan {
  const names = defaultSheetNames(options.names);
  const position = options.position ?? computePosition(model);
  const settings = settingsSheet(model, names.Settings);
  const ctx = makeContext(model, position, names, settings.rowKeys);
  const revenue = revenueSheet(ctx);
  const capital = capitalSheet(ctx);
  const reserves = reservesSheet(ctx, revenue.anchors);
  const savings = savingsSheet(ctx);
  const profiles = profilesSheet(ctx, revenue.plan.rowKeys);
  const history = historySheet(ctx);
  // The cell showing each figure, for the Summary's checks (the same map the read-back builds on found rows).
  const locate = locator([revenue.plan, capital.plan, reserves.plan, savings.plan], undefined, undefined, position.checks.map((c) => c.place));
  // Where the inputs stand against the sign-offs kept, for the Summary.
  const signoff = !options.signoff ? undefined : !options.hash ? "Sign-off: being checked."
    : describeStatus(signOffStatus(options.signoff, planInputs({ sheets: [revenue.plan, capital.plan, reserves.plan, savings.plan, history.plan, settings], styles: STYLES }), options.hash));
  const summary = summarySheet(ctx, { revenue: revenue.anchors, capital: capital.anchors, reserves: reserves.anchors, savings: savings.anchors, history: history.anchors, locate, signoff, revenueRows: revenue.plan.rowKeys });
  const slides = slidesSheet(ctx, {
    revenueRows: revenue.plan.rowKeys, capitalRows: capital.plan.rowKeys, historyRows: history.anchors.rows, reservesForecastRow: reserves.anchors.policy.forecast,
  });
  const byKind: Partial<Record<SheetKind, SheetPlan>> = {
    Summary: summary, Revenue: revenue.plan, Capital: capital.plan, Reserves: reserves.plan, Savings: savings.plan, Profiles: profiles, History: history.plan, Settings: settings, Slides: slides,
  };
  if (options.actions) byKind.Actions = actionsSheet(ctx, options.actions);
  if (options.signoff) byKind.Signoff = signoffSheet(ctx, options.signoff);
  // The Workforce sheet (issue 14) when the period has workforce figures, after the templates.
  if (position.workforce) byKind.Workforce = workforceSheet(ctx, position.workforce, revenue.plan.rowKeys);
  if (options.virements) byKind.Virements = virementsSheet(ctx, options.virements);
  const kinds = [...SHEET_KINDS_IN_ORDER, "Workforce" as const, "Actions" as const, "Virements" as const, "Signoff" as const].filter((k) => byKind[k] && (!options.kinds || options.kinds.includes(k)));
  return { sheets: kinds.map((k) => byKind[k] as SheetPlan), styles: STYLES };
}
