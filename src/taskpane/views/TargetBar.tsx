/**
 * The officer headcount on the grant's bands (issue 14), drawn like the reserves band: each band of the settings as a
 * zone of headcounts (green: all the grant paid, amber: part withheld, red: none paid; grey: no band), the target
 * marked with a line and the forecast at the count date with a triangle. An image with a text alternative, and a
 * legend in words.
 */
import * as React from "react";
import { Caption1 } from "@fluentui/react-components";
import type { TargetFigures } from "../headline";
import { useBandStyles } from "./ReservesBand";


const W = 300;
const BAR_Y = 14;
const BAR_H = 16;

/** The headcounts the bar shows: from a little below the lower of the forecast and 90% of the target to a little above the higher. */
export function targetScale(t: Pick<TargetFigures, "target" | "forecast">): { lo: number; hi: number } {
  const lo = Math.max(0, Math.floor(Math.min(t.forecast, t.target * 0.9) * 0.98));
  const hi = Math.ceil(Math.max(t.forecast, t.target) * 1.03) || 1;
  return { lo, hi: hi > lo ? hi : lo + 1 };
}

/** @param incomplete the figures leave out what error checks concern: the zones are drawn grey and it says so. */
export function TargetBar({ target, incomplete = false }: { target: TargetFigures; incomplete?: boolean }): React.JSX.Element {
  const s = useBandStyles();
  // The reserves band's colours: green all paid, yellow part withheld, red none paid.
  const zone = { none: s.band, part: s.above, all: s.below } as const;
  const { lo, hi } = targetScale(target);
  const x = (n: number) => ((Math.min(Math.max(n, lo), hi) - lo) / (hi - lo)) * W;
  const t = x(target.target);
  const f = x(target.forecast);
  // The legend names only the zones the scale shows; an end label too close to the target's is left out.
  const shown = target.zones.filter((z) => z.from < hi && (z.to === null || z.to > lo));
  const room = 70;
  return (
    <div className={s.root}>
      <svg className={s.svg} viewBox={`-8 0 ${W + 16} 52`} role="img" aria-label={incomplete ? `Figures incomplete. ${target.description}` : target.description} data-testid="target-bar">
        <rect className={s.track} x={0} y={BAR_Y} width={W} height={BAR_H} rx={2} />
        {target.zones.map((z) => {
          const from = x(z.from), to = z.to === null ? W : x(z.to);
          return <rect key={`${z.from}-${z.to}`} className={incomplete ? s.greyZone : zone[z.withheld]} x={from} y={BAR_Y} width={Math.max(to - from, 0)} height={BAR_H} />;
        })}
        <line className={s.mark} x1={t} x2={t} y1={BAR_Y - 4} y2={BAR_Y + BAR_H + 4} />
        <text className={s.tickText} x={t} y={BAR_Y + BAR_H + 16} textAnchor="middle">{target.labels.target}</text>
        {t > room && <text className={s.tickText} x={0} y={BAR_Y + BAR_H + 16} textAnchor="start">{lo.toLocaleString("en-GB")}</text>}
        {W - t > room && <text className={s.tickText} x={W} y={BAR_Y + BAR_H + 16} textAnchor="end">{hi.toLocaleString("en-GB")}</text>}
        <path className={s.forecast} d={`M ${f} ${BAR_Y + BAR_H / 2 + 1} l -7 -12 l 14 0 Z`} />
      </svg>
      <ul className={s.legend} aria-label="Legend">
        <li className={s.legendItem}>
          <svg className={s.swatch} viewBox="0 0 14 14" aria-hidden="true"><path className={s.forecast} d="M 7 13 l -6 -11 l 12 0 Z" /></svg>
          <Caption1>{target.labels.forecast}</Caption1>
        </li>
        {(["none", "part", "all"] as const).filter((w) => shown.some((z) => z.withheld === w)).map((w) => (
          <li key={w} className={s.legendItem}>
            <svg className={s.swatch} viewBox="0 0 14 14" aria-hidden="true"><rect className={incomplete ? s.greyZone : zone[w]} x={0} y={2} width={14} height={10} /></svg>
            <Caption1>{w === "none" ? "Grant paid in full" : w === "part" ? "Part withheld" : "None paid"}</Caption1>
          </li>
        ))}
      </ul>
    </div>
  );
}
