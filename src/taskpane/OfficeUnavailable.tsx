import * as React from "react";
import { Body1, Title2, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    minHeight: "100%",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  problem: { color: tokens.colorPaletteRedForeground1 },
});

/** Shown when office.js could not be loaded (for example, no network connection). */
export function OfficeUnavailable(): React.JSX.Element {
  const styles = useStyles();
  return (
    <main className={styles.root} role="alert">
      <Title2 as="h1">Outturn</Title2>
      <Body1 className={styles.problem}>The Office JavaScript library could not be loaded, so Outturn cannot talk to Excel.</Body1>
      <Body1>Check your network connection, then close and reopen the Outturn pane.</Body1>
    </main>
  );
}

/** Shown when part of Outturn could not be loaded after start-up. */
export function LoadFailed(): React.JSX.Element {
  const styles = useStyles();
  return (
    <main className={styles.root} role="alert">
      <Title2 as="h1">Outturn</Title2>
      <Body1 className={styles.problem}>Part of Outturn could not be loaded, so it cannot reach the workbook.</Body1>
      <Body1>Check your network connection, then close and reopen the Outturn pane.</Body1>
    </main>
  );
}
