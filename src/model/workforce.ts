/**
 * The workforce inputs of a period (issue 14): for each group (police officers, PCSOs, police staff, specials), the
 * budgeted establishment, the strength at the period end and the joiners and leavers forecast by month to the year
 * end; and, for police officers, the Home Office's headcount target at its count date with the grant paid against
 * it, part withheld in bands when the force falls short. Numbers of people are Decimals like amounts (FTE has
 * decimals: 2,209.6), never binary floating point.
 */
import type { Decimal, OptionalAmount, Settings } from "./types";
import { GRANT_BAND_SLOTS, STATED_GRANT_BANDS } from "./settings/registry";

export const WORKFORCE_KINDS = ["officers", "pcsos", "staff", "specials"] as const;
export type WorkforceKind = (typeof WORKFORCE_KINDS)[number];

/** Joiners and leavers forecast for one month, in FTE. */
export interface MonthMovement {
  /** "2024-10" (the month, ISO year-month). */
  month: string;
  joiners: Decimal;
  leavers: Decimal;
}

export interface WorkforceGroup {
  /** As the report names it: "Police officers", "PCSOs", "Police staff". */
  name: string;
  kind: WorkforceKind;
  /** Budgeted establishment, FTE. */
  establishmentFte: OptionalAmount;
  /** Strength at the period end, FTE. */
  actualFte: OptionalAmount;
  /** Strength at the period end, people. */
  headcount: OptionalAmount;
  /** From the month after the period end to the year end. */
  movements: MonthMovement[];
}

/**
 * A band of the officer grant: when the forecast headcount is from `fromPct` to `toPct` of the target (both
 * included; `toPct` null: no upper limit), `withheldPct` of the grant is withheld. As the Home Office words them,
 * e.g. Surrey PCC decision 018/2022: "10% is withheld [if] 95% to 99.99% is achieved".
 */
export interface GrantBand {
  fromPct: Decimal;
  toPct: Decimal | null;
  withheldPct: Decimal;
}

/**
 * The bands Surrey PCC decision 018/2022 states for the 2022/23 uplift grant (seeds/candidates/workforce/01-...), the
 * settings' defaults (STATED_GRANT_BANDS): all paid at 100%, 10% withheld from 95% to 99.99%, none paid at 75% or less.
 */
export function statedUpliftBands(d: (n: number) => Decimal): GrantBand[] {
  return STATED_GRANT_BANDS.map((b) => ({ fromPct: d(b.fromPct ?? 0), toPct: b.toPct === null ? null : d(b.toPct), withheldPct: d(b.withheldPct ?? 0) }));
}

/** The bands in the settings (Settings: grantBands), in table order; a row without a from % or a withheld % is not used. */
export function grantBandsOf(settings: Pick<Settings, "grantBands">): GrantBand[] {
  return GRANT_BAND_SLOTS.flatMap((slot) => {
    const b = settings.grantBands[slot];
    return b.fromPct !== null && b.withheldPct !== null ? [{ fromPct: b.fromPct, toPct: b.toPct, withheldPct: b.withheldPct }] : [];
  });
}

export interface OfficerTarget {
  /** ISO date the headcount is counted, e.g. "2025-03-31". */
  countDate: string;
  /** Officers' headcount the grant is paid against. */
  targetHeadcount: Decimal;
  /** Headcount forecast at the count date; null: the officers' headcount now plus joiners less leavers to that month. */
  forecastHeadcount: OptionalAmount;
  /** The ring-fenced grant, in the file's units (its withholding bands are settings: Settings.grantBands). */
  grant: Decimal;
}

/**
 * One line of overtime: a group's spending for one reason the body keeps (events, investigations, vacancies, mutual
 * aid...), in the file's units, in the report's sign convention (spending positive).
 */
export interface OvertimeLine {
  /** The workforce group, as the report names it: "Police officers", "Police staff". */
  group: string;
  reason: string;
  budget: OptionalAmount;
  actualToDate: OptionalAmount;
  forecast: OptionalAmount;
  /** The budget profiled to the period end (the variance to date is the actual against it); absent or null: not kept. */
  budgetToDate?: OptionalAmount;
  /**
   * The part of the actual to date that is charged to someone else (mutual aid to other forces, special policing
   * services, events charged to their organisers): the variance to date net of it is what falls on the body.
   */
  recharged?: OptionalAmount;
  /**
   * The Revenue line (by its name) that holds this line's budget and forecast: the Workforce sheet's budget and
   * forecast cells then refer to that line's cells (a reference, not a copy), and the figures used are the Revenue
   * line's. Absent or null: typed on the Workforce sheet.
   */
  revenueLine?: string | null;
}

/**
 * A blank Workforce sheet's inputs (the Insert form): the groups a police body reports (officers, PCSOs, staff), or one
 * group of staff for a fire or council body, every figure blank to be typed; no officer target and no overtime lines
 * yet. (A body of no stated kind gets the police groups: the sheet's officer target is a police measure.)
 */
export function blankWorkforce(body: Settings["body"]["kind"]): Workforce {
  const group = (name: string, kind: WorkforceKind): WorkforceGroup => ({ name, kind, establishmentFte: null, actualFte: null, headcount: null, movements: [] });
  const groups = body !== "fire" && body !== "council" ? [group("Police officers", "officers"), group("PCSOs", "pcsos"), group("Police staff", "staff")] : [group("Staff", "staff")];
  return { groups, officerTarget: null, overtime: [] };
}

export interface Workforce {
  groups: WorkforceGroup[];
  officerTarget: OfficerTarget | null;
  /** Overtime by group and reason; empty when the body keeps none here. */
  overtime: OvertimeLine[];
}
