/** Checks: what to look at before the figures go to the Board, each with a way to the cell it concerns. */
import * as React from "react";
import { Body1, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { describePlace, type Severity } from "../../engine/checks";
import type { CellRef } from "../../workbook/gateway";
import { type CheckItem, severityWords } from "../check-items";
import { ErrorIcon, InfoIcon, WarningIcon } from "./icons";
import { GoToCell } from "./GoToCell";
import { ViewHeading } from "./ViewHeading";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  list: { display: "flex", flexDirection: "column", margin: 0, padding: 0, listStyleType: "none" },
  item: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    paddingBlock: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  icon: { marginTop: "2px" },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorNeutralForeground2 },
  body: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  severity: { fontWeight: tokens.fontWeightSemibold },
  message: { margin: 0 },
  where: { color: tokens.colorNeutralForeground2 },
  go: { alignSelf: "flex-start" },
});

export const SEVERITY_WORDS: Record<Severity, string> = { error: "Error", warning: "Warning", info: "Note" };

/** "2 errors, 1 warning and 3 notes, errors first." */
export function countWords(items: CheckItem[]): string {
  return `${severityWords(items)}, errors first.`;
}

export interface ChecksViewProps {
  items: CheckItem[];
  /** The cell being selected, while it is. */
  selecting: boolean;
  onSelect: (ref: CellRef) => void;
}

export function ChecksView({ items, selecting, onSelect }: ChecksViewProps): React.JSX.Element {
  const s = useStyles();
  const icon = (sev: Severity) => {
    const cls = `${s.icon} ${s[sev]}`;
    return sev === "error" ? <ErrorIcon className={cls} /> : sev === "warning" ? <WarningIcon className={cls} /> : <InfoIcon className={cls} />;
  };
  return (
    <section className={s.root} aria-labelledby="checks-heading">
      <ViewHeading id="checks-heading">Checks</ViewHeading>
      {items.length === 0 ? (
        <Body1>No checks: nothing to look at before the figures go to the Board.</Body1>
      ) : (
        <>
        <Body1 as="p" className={s.message} data-testid="checks-count">
          {countWords(items)}
        </Body1>
        <ul className={s.list} aria-labelledby="checks-heading" data-testid="checks">
          {items.map(({ check, target }, i) => (
            <li key={`${check.id}-${i}`} className={s.item} data-check={check.id}>
              {icon(check.severity)}
              <div className={s.body}>
                <Body1 as="p" className={s.message}>
                  <span className={`${s.severity} ${s[check.severity]}`}>{SEVERITY_WORDS[check.severity]}: </span>
                  {check.message}
                </Body1>
                {/* Where, in words, unless the message and the cell say it already. */}
                {(!target || check.place.row) && <Caption1 className={s.where}>{target ? describePlace(check.place) : check.where}</Caption1>}
                {target && <GoToCell className={s.go} target={target} selecting={selecting} onSelect={onSelect} />}
              </div>
            </li>
          ))}
        </ul>
        </>
      )}
    </section>
  );
}
