/** Delivery of savings: planned, achieved (delivered + forecast further), unachieved, by category. */
import type { Decimal, MonitoringPeriod, Rag, SavingsScheme, SavingsStatus } from "../model/types";
import { ZERO, max, pctOf, sum } from "../model/amount";
import { savingsRag } from "./rag";

export const STATUS_RAG: Record<SavingsStatus, Rag> = {
  Delivered: "Green", "On track": "Green", "At risk": "Amber", Delayed: "Amber", "Not taken forward": "Red",
};

export interface SavingsFigures {
  planned: Decimal;
  deliveredToDate: Decimal;
  forecastFurtherDelivery: Decimal;
  /** Delivered to date + forecast further delivery. */
  achieved: Decimal;
  /** Planned − achieved, never below zero (over-delivery is not a negative shortfall). */
  unachieved: Decimal;
  expectedNextYear: Decimal;
}

export interface SchemeResult extends SavingsFigures {
  scheme: SavingsScheme;
  rag: Rag;
}

export interface CategoryResult extends SavingsFigures {
  category: string;
  schemes: SchemeResult[];
}

export interface SavingsPosition extends SavingsFigures {
  schemes: SchemeResult[];
  categories: CategoryResult[];
  /** Replacement savings (new savings replacing dropped ones) included in `achieved`. */
  replacementAchieved: Decimal;
  achievedPct: Decimal | null;
  rag: Rag;
}

function figures(items: Array<Pick<SavingsFigures, "planned" | "deliveredToDate" | "forecastFurtherDelivery" | "expectedNextYear">>): SavingsFigures {
  const planned = sum(items.map((i) => i.planned));
  const deliveredToDate = sum(items.map((i) => i.deliveredToDate));
  const forecastFurtherDelivery = sum(items.map((i) => i.forecastFurtherDelivery));
  const achieved = deliveredToDate.plus(forecastFurtherDelivery);
  return { planned, deliveredToDate, forecastFurtherDelivery, achieved, unachieved: max(ZERO, planned.minus(achieved)), expectedNextYear: sum(items.map((i) => i.expectedNextYear)) };
}

export function computeSavings(model: MonitoringPeriod): SavingsPosition {
  // A column the body does not keep (Settings: inputs) is hidden on the sheet: whatever it holds is not counted.
  const { deliveredToDate: keepsDelivered, forecastFurtherDelivery: keepsForecast } = model.settings.inputs;
  const schemes = model.savings.map((scheme) => ({
    scheme,
    rag: STATUS_RAG[scheme.status],
    ...figures([{
      planned: scheme.planned ?? ZERO,
      deliveredToDate: (keepsDelivered ? scheme.deliveredToDate : null) ?? ZERO,
      forecastFurtherDelivery: (keepsForecast ? scheme.forecastFurtherDelivery : null) ?? ZERO,
      expectedNextYear: scheme.expectedNextYear ?? ZERO,
    }]),
  }));
  const names = [...new Set(schemes.map((s) => s.scheme.category))];
  const categories = names.map((category) => {
    const own = schemes.filter((s) => s.scheme.category === category);
    return { category, schemes: own, ...figures(own) };
  });
  const all = figures(schemes);
  const achievedPct = pctOf(all.achieved, all.planned);
  return {
    ...all,
    schemes,
    categories,
    replacementAchieved: sum(schemes.filter((s) => s.scheme.replacement).map((s) => s.achieved)),
    achievedPct,
    rag: savingsRag(achievedPct, model.settings.rag.savings),
  };
}
