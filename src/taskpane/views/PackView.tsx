/**
 * The quarterly pack: close (or reopen) the period, the narrative to paste into the report, and the Panel's slides.
 * Closing asks first, in place (no dialog to load); progress and failures show on the buttons and in the message bar.
 * While checks list errors the figures are incomplete: the narrative is marked a draft, and closing and the slides
 * wait, saying why.
 */
import * as React from "react";
import { Body1, Button, Caption1, MessageBar, MessageBarBody, Spinner, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { PeriodId } from "../../model/types";
import type { Position } from "../../engine/position";
import { narrative as narrativeOf } from "../../narrative/narrative";
import { periodLabel } from "../../model/period";
import { incomplete } from "../notices";
import { ViewHeading } from "./ViewHeading";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground2, margin: 0 },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  confirm: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  list: { margin: 0, padding: 0, listStyleType: "none", display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  item: { display: "flex", alignItems: "center", justifyContent: "space-between", columnGap: tokens.spacingHorizontalS },
  narrative: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  paragraph: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
});

export interface PackViewProps {
  period: PeriodId | null;
  /** Periods on the History sheet, oldest first. */
  closed: PeriodId[];
  /** The position last recalculated (null when there is none): the narrative and the slides are made from it. */
  position: Position | null;
  /** How many checks are errors: while any is, the figures are incomplete. */
  errorCount: number;
  busy: { close: boolean; reopen: boolean; slides: boolean };
  onClose: () => void;
  onReopen: (period: PeriodId) => void;
  onDownloadSlides: () => void;
}

type Pending = { kind: "close" } | { kind: "reopen"; period: PeriodId } | null;

/** Copies text: the Clipboard API, else the text selected and execCommand("copy"), else left selected for Ctrl+C. */
export async function copyText(text: string, element: HTMLElement | null): Promise<"copied" | "selected"> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return "copied";
    }
  } catch {
    // Not allowed here (some Office hosts): fall back to a selection.
  }
  const selection = window.getSelection();
  if (element && selection) {
    selection.removeAllRanges();
    const range = document.createRange();
    range.selectNodeContents(element);
    selection.addRange(range);
    try {
      if (document.execCommand("copy")) return "copied";
    } catch {
      // Left selected.
    }
  }
  return "selected";
}

export default PackView;

export function PackView({ period, closed, position, errorCount, busy, onClose, onReopen, onDownloadSlides }: PackViewProps): React.JSX.Element {
  const s = useStyles();
  const complete = errorCount === 0;
  // Incomplete figures: the narrative says so in its first line, so a copy of it does too.
  const narrative = React.useMemo(() => (position ? [...(complete ? [] : [incomplete.draftNarrative]), ...narrativeOf(position)] : null), [position, complete]);
  const [pending, setPending] = React.useState<Pending>(null);
  const [copied, setCopied] = React.useState("");
  const confirmRef = React.useRef<HTMLParagraphElement>(null);
  const textRef = React.useRef<HTMLDivElement>(null);
  const closeRef = React.useRef<HTMLButtonElement>(null);
  const isClosed = period !== null && closed.includes(period);
  const name = period ? periodLabel(period) : "the period";

  React.useEffect(() => {
    if (pending) confirmRef.current?.focus();
  }, [pending]);

  const answer = (go: boolean) => {
    const p = pending;
    setPending(null);
    if (go && p?.kind === "close") onClose();
    else if (go && p?.kind === "reopen") onReopen(p.period);
    requestAnimationFrame(() => closeRef.current?.focus());
  };

  const copy = async () => {
    if (!narrative) return;
    setCopied("");
    const how = await copyText(narrative.join("\n\n"), textRef.current);
    setCopied(how === "copied" ? "Copied" : "The narrative is selected: press Ctrl+C to copy it.");
  };

  const busyClosing = busy.close || busy.reopen;
  return (
    <section className={s.root} aria-labelledby="pack-heading">
      <ViewHeading id="pack-heading">Quarterly pack</ViewHeading>
      {!complete && (
        <MessageBar intent="warning" layout="multiline" data-testid="pack-incomplete">
          <MessageBarBody>{incomplete.pack(errorCount)}</MessageBarBody>
        </MessageBar>
      )}

      <section className={s.section} aria-labelledby="close-heading">
        <Subtitle2 as="h3" block className={s.heading} id="close-heading">
          Close the period
        </Subtitle2>
        <Body1 as="p" className={s.muted} data-testid="close-status">
          {period === null
            ? "The period cannot be read yet: see Checks."
            : isClosed
              ? `${name} is closed: its key figures and RAG are on the Period history sheet. Closing it again updates them if the figures have changed.`
              : `${name} is not closed yet. Closing it records its key figures and RAG on the Period history sheet, so the next period shows the movement since ${period}.`}
        </Body1>
        {pending ? (
          <div className={s.confirm} role="group" aria-labelledby="confirm-text" data-testid="confirm">
            <p id="confirm-text" tabIndex={-1} ref={confirmRef} className={s.paragraph} style={{ outline: "none" }}>
              {pending.kind === "close"
                ? `Close ${name}? Its figures and RAG will be written to the Period history sheet, which is then protected against accidental edits. You can reopen it later.`
                : `Reopen ${periodLabel(pending.period)}? Its row will be taken off the Period history sheet; the other closed periods are kept.`}
            </p>
            <div className={s.row}>
              <Button appearance="primary" onClick={() => answer(true)}>
                {pending.kind === "close" ? `Close ${name}` : `Reopen ${pending.period}`}
              </Button>
              <Button onClick={() => answer(false)}>Cancel</Button>
            </div>
          </div>
        ) : (
          <div className={s.row}>
            <Button
              appearance="primary"
              ref={closeRef}
              disabledFocusable={busyClosing || period === null || !complete}
              aria-describedby={complete ? undefined : "close-refused"}
              icon={busy.close ? <Spinner size="extra-tiny" /> : undefined}
              onClick={() => setPending({ kind: "close" })}
            >
              {busy.close ? "Closing…" : isClosed ? `Close ${name} again…` : `Close ${name}…`}
            </Button>
          </div>
        )}
        {!complete && (
          <Caption1 as="p" className={s.muted} id="close-refused" data-testid="close-refused">
            {incomplete.close(errorCount)}
          </Caption1>
        )}
        {closed.length > 0 && (
          <>
            <Caption1 as="p" className={s.muted} id="closed-list-heading">Closed periods this year</Caption1>
            <ul className={s.list} aria-labelledby="closed-list-heading" data-testid="closed-periods">
              {closed.map((c) => (
                <li key={c} className={s.item} data-period={c}>
                  <Body1>{periodLabel(c)}</Body1>
                  <Button size="small" disabledFocusable={busyClosing || pending !== null} onClick={() => setPending({ kind: "reopen", period: c })}>
                    {busy.reopen ? "Reopening…" : `Reopen ${c}…`}
                  </Button>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section className={s.section} aria-labelledby="narrative-heading">
        <Subtitle2 as="h3" block className={s.heading} id="narrative-heading">
          Narrative
        </Subtitle2>
        {narrative ? (
          <>
            <div className={s.narrative} ref={textRef} data-testid="narrative">
              {narrative.map((p, i) => (
                <Body1 as="p" key={i} className={s.paragraph}>
                  {p}
                </Body1>
              ))}
            </div>
            <div className={s.row}>
              <Button onClick={() => void copy()} aria-describedby="copy-status">
                Copy narrative
              </Button>
              <Caption1 id="copy-status" role="status" aria-live="polite" data-testid="copy-status">
                {copied}
              </Caption1>
            </div>
          </>
        ) : (
          <Body1 as="p" className={s.muted}>The narrative appears once there are figures to describe.</Body1>
        )}
      </section>

      <section className={s.section} aria-labelledby="slides-heading">
        <Subtitle2 as="h3" block className={s.heading} id="slides-heading">
          Slides for the Panel
        </Subtitle2>
        <Body1 as="p" className={s.muted}>
          A PowerPoint deck of the period: overview, revenue, capital, reserves, savings and RAG, from the figures as last recalculated.
        </Body1>
        <div className={s.row}>
          <Button
            appearance="primary"
            disabledFocusable={busy.slides || !narrative || !complete}
            aria-describedby={complete ? undefined : "slides-refused"}
            icon={busy.slides ? <Spinner size="extra-tiny" /> : undefined}
            onClick={onDownloadSlides}
          >
            {busy.slides ? "Making the slides…" : "Download slides"}
          </Button>
        </div>
        {!complete && (
          <Caption1 as="p" className={s.muted} id="slides-refused" data-testid="slides-refused">
            {incomplete.slides(errorCount)}
          </Caption1>
        )}
      </section>
    </section>
  );
}
