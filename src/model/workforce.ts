/**
 * The workforce inputs of a period (issue 14): for each group (police officers, PCSOs, police staff, specials), the
 * budgeted establishment, the strength at the period end and the joiners and leavers forecast by month to the year
 * end; and, for police officers, the Home Office's headcount target at its count date with the grant paid against
 * it, part withheld in bands when the force falls short. Numbers of people are Decimals like amounts (FTE has
 * decimals: 2,209.6), never binary floating point.
 */
import type { Decimal, OptionalAmount } from "./types";

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
 * The bands Surrey PCC decision 018/2022 states for the 2022/23 uplift grant (seeds/candidates/workforce/01-...):
 * "All of the grant is paid if 100% of officers are delivered but 10% is withheld [if] 95% to 99.99% is achieved ...
 * no grant if 75% or less is achieved". The bands between 75% and 95% ("further reductions") are not stated there,
 * so none is invented: a forecast in that range is reported as not covered until the user adds them.
 */
export function statedUpliftBands(d: (n: number) => Decimal): GrantBand[] {
  return [
    { fromPct: d(100), toPct: null, withheldPct: d(0) },
    { fromPct: d(95), toPct: d(99.99), withheldPct: d(10) },
    { fromPct: d(0), toPct: d(75), withheldPct: d(100) },
  ];
}

export interface OfficerTarget {
  /** ISO date the headcount is counted, e.g. "2025-03-31". */
  countDate: string;
  /** Officers' headcount the grant is paid against. */
  targetHeadcount: Decimal;
  /** Headcount forecast at the count date; null: the officers' headcount now plus joiners less leavers to that month. */
  forecastHeadcount: OptionalAmount;
  /** The ring-fenced grant, in the file's units. */
  grant: Decimal;
  bands: GrantBand[];
}

export interface Workforce {
  groups: WorkforceGroup[];
  officerTarget: OfficerTarget | null;
}
