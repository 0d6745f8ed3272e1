/**
 * "Check Excel": runs the self-check (src/excel/self-check.ts) in the user's Excel and shows the pass/fail list, the
 * Excel version and platform, and a Copy button for IT. Takes the check as props, so this view stays free of Office.js
 * and out of the pane's first load: the Excel wiring passes `run: checkExcel` and `toText: selfCheckText`.
 */
import * as React from "react";
import { Body1, Button, Caption1, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import type { SelfCheckReport } from "../../excel/self-check";
import { ViewHeading } from "./ViewHeading";
import { copyText } from "./PackView";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  muted: { color: tokens.colorNeutralForeground2, margin: 0 },
  list: { margin: 0, padding: 0, listStyleType: "none", display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  item: { display: "grid", gridTemplateColumns: "3.5em 1fr", columnGap: tokens.spacingHorizontalS },
  pass: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  fail: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  text: { whiteSpace: "pre-wrap", fontSize: tokens.fontSizeBase200, margin: 0 },
});

export interface SelfCheckViewProps {
  /** Runs the check (checkExcel in Excel). */
  run: () => Promise<SelfCheckReport>;
  /** The report as plain text for IT (selfCheckText). */
  toText: (report: SelfCheckReport) => string;
}

export function SelfCheckView({ run, toText }: SelfCheckViewProps): React.JSX.Element {
  const styles = useStyles();
  const [report, setReport] = React.useState<SelfCheckReport | null>(null);
  const [running, setRunning] = React.useState(false);
  const [problem, setProblem] = React.useState<string | null>(null);
  const [copied, setCopied] = React.useState<string | null>(null);
  const textRef = React.useRef<HTMLPreElement>(null);

  const start = async () => {
    setRunning(true);
    setProblem(null);
    setCopied(null);
    try {
      setReport(await run());
    } catch (e) {
      setProblem(`The check could not run: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setRunning(false);
    }
  };
  const copy = async () => {
    if (!report) return;
    const how = await copyText(toText(report), textRef.current);
    setCopied(how === "copied" ? "Copied. Paste it into an e-mail or a ticket for IT." : "Selected: press Ctrl+C (Cmd+C on a Mac) to copy.");
  };
  const failed = report?.items.filter((i) => !i.ok).length ?? 0;

  return (
    <section className={styles.root} aria-labelledby="self-check-heading">
      <ViewHeading id="self-check-heading">Check Excel</ViewHeading>
      <Body1 as="p" className={styles.muted}>
        Proves that this Excel can do everything Outturn needs, on a temporary sheet that is removed afterwards. Your sheets
        are not changed. It takes a few seconds (longer in Excel on the web).
      </Body1>
      <div className={styles.row}>
        <Button onClick={() => void start()} disabled={running}>
          {running ? "Checking…" : report ? "Check again" : "Check Excel"}
        </Button>
        {running && <Spinner size="tiny" label="Checking Excel" />}
      </div>
      {problem && <Body1 as="p" role="alert">{problem}</Body1>}
      {report && (
        <>
          <Body1 as="p" role="status">
            {failed === 0 ? `All ${report.items.length} checks passed.` : `${failed} of ${report.items.length} checks failed.`}{" "}
            {report.excel ? `Excel ${report.excel.version} on ${report.excel.platform}.` : "Excel did not report its version."}
          </Body1>
          <ul className={styles.list} aria-label="Results">
            {report.items.map((item) => (
              <li key={item.id} className={styles.item}>
                <span className={item.ok ? styles.pass : styles.fail}>{item.ok ? "Pass" : "Fail"}</span>
                <span>
                  <Body1 block>{item.label}</Body1>
                  <Caption1 block className={styles.muted}>{item.detail}</Caption1>
                </span>
              </li>
            ))}
          </ul>
          <div className={styles.row}>
            <Button onClick={() => void copy()}>Copy the results for IT</Button>
            {copied && <Caption1 role="status">{copied}</Caption1>}
          </div>
          <details>
            <summary>Show the results as text</summary>
            <pre ref={textRef} className={styles.text}>{toText(report)}</pre>
          </details>
        </>
      )}
    </section>
  );
}
