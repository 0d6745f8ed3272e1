/**
 * The general fund as a % of the net budget on the reserves policy band: the band from minimum to maximum, with
 * the budgeted and forecast percentages marked. An image with a text alternative, and a legend in words.
 */
import * as React from "react";
import { makeStyles, tokens, Caption1 } from "@fluentui/react-components";
import type { BandFigures } from "../headline";

/** The band's look, shared with the officer target's bar (TargetBar): zones below, within and above, marks, legend. */
export const useBandStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  svg: { width: "100%", height: "auto", display: "block", overflow: "visible" },
  track: { fill: tokens.colorNeutralBackground3, stroke: tokens.colorNeutralStroke1, strokeWidth: "1px" },
  below: { fill: tokens.colorPaletteRedBackground2 },
  band: { fill: tokens.colorPaletteGreenBackground2 },
  above: { fill: tokens.colorPaletteYellowBackground2 },
  mark: { stroke: tokens.colorNeutralForeground1, strokeWidth: "2px" },
  tickText: { fill: tokens.colorNeutralForeground2, fontFamily: tokens.fontFamilyBase, fontSize: "11px" },
  forecast: { fill: tokens.colorNeutralForeground1, stroke: tokens.colorNeutralBackground1, strokeWidth: "1.5px" },
  budgeted: { fill: tokens.colorNeutralBackground1, stroke: tokens.colorNeutralForeground1, strokeWidth: "2px" },
  legend: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXXS, margin: 0, padding: 0, listStyleType: "none" },
  legendItem: { display: "inline-flex", alignItems: "center", columnGap: tokens.spacingHorizontalXS },
  swatch: { width: "12px", height: "12px", flexShrink: 0 },
  /** Greyed zones while the figures are incomplete: no red, green or yellow to read a status from. */
  greyZone: { fill: tokens.colorNeutralBackground5 },
});

const W = 300;
const BAR_Y = 14;
const BAR_H = 16;

/** The scale's top: a little beyond the maximum, or beyond a marker above it. */
export function scaleTop(b: Pick<BandFigures, "maximumPct" | "budgetedPct" | "forecastPct">): number {
  return Math.ceil(Math.max(b.maximumPct * 1.25, b.maximumPct + 1, b.budgetedPct + 0.5, b.forecastPct + 0.5));
}

/** @param incomplete the figures leave out what error checks concern: the band is drawn grey and says so. */
export function ReservesBand({ band, incomplete = false }: { band: BandFigures; incomplete?: boolean }): React.JSX.Element {
  const s = useBandStyles();
  const top = scaleTop(band);
  const x = (pct: number) => (Math.min(Math.max(pct, 0), top) / top) * W;
  const [min, max] = [x(band.minimumPct), x(band.maximumPct)];
  const f = x(band.forecastPct);
  const b = x(band.budgetedPct);
  return (
    <div className={s.root}>
      <svg className={s.svg} viewBox={`-8 0 ${W + 16} 52`} role="img" aria-label={incomplete ? `Figures incomplete. ${band.description}` : band.description} data-testid="reserves-band">
        <rect className={s.track} x={0} y={BAR_Y} width={W} height={BAR_H} rx={2} />
        <rect className={incomplete ? s.greyZone : s.below} x={0} y={BAR_Y} width={min} height={BAR_H} />
        <rect className={incomplete ? s.greyZone : s.band} x={min} y={BAR_Y} width={Math.max(max - min, 0)} height={BAR_H} />
        <rect className={incomplete ? s.greyZone : s.above} x={max} y={BAR_Y} width={W - max} height={BAR_H} />
        {[
          [min, `${band.minimumPct}%`],
          [max, `${band.maximumPct}%`],
        ].map(([at, text]) => (
          <g key={String(text) + String(at)}>
            <line className={s.mark} x1={at} x2={at} y1={BAR_Y - 4} y2={BAR_Y + BAR_H + 4} />
            <text className={s.tickText} x={at} y={BAR_Y + BAR_H + 16} textAnchor="middle">
              {text}
            </text>
          </g>
        ))}
        <text className={s.tickText} x={0} y={BAR_Y + BAR_H + 16} textAnchor="start">0%</text>
        <text className={s.tickText} x={W} y={BAR_Y + BAR_H + 16} textAnchor="end">{`${top}%`}</text>
        {/* Budgeted: a hollow diamond; forecast: a solid triangle pointing at the bar. */}
        <path className={s.budgeted} d={`M ${b} ${BAR_Y + 2} l 6 6 l -6 6 l -6 -6 Z`} />
        <path className={s.forecast} d={`M ${f} ${BAR_Y + BAR_H / 2 + 1} l -7 -12 l 14 0 Z`} />
      </svg>
      <ul className={s.legend} aria-label="Legend">
        <li className={s.legendItem}>
          <svg className={s.swatch} viewBox="0 0 14 14" aria-hidden="true"><path className={s.forecast} d="M 7 13 l -6 -11 l 12 0 Z" /></svg>
          <Caption1>{band.labels.forecast}</Caption1>
        </li>
        <li className={s.legendItem}>
          <svg className={s.swatch} viewBox="0 0 14 14" aria-hidden="true"><path className={s.budgeted} d="M 7 1 l 6 6 l -6 6 l -6 -6 Z" /></svg>
          <Caption1>{band.labels.budgeted}</Caption1>
        </li>
        <li className={s.legendItem}>
          <svg className={s.swatch} viewBox="0 0 14 14" aria-hidden="true"><rect className={incomplete ? s.greyZone : s.band} x={0} y={2} width={14} height={10} /></svg>
          <Caption1>{`Policy band ${band.minimumPct}% to ${band.maximumPct}%`}</Caption1>
        </li>
      </ul>
    </div>
  );
}
