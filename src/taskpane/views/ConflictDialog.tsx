/** Sheets of the same name exist already: add the new ones alongside, upgrade the existing ones in place, or cancel. */
import * as React from "react";
import { Body1, Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import type { SheetKind } from "../../workbook/gateway";
import { SHEET_WORDS } from "../start-form";

const useStyles = makeStyles({
  content: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  actions: { flexWrap: "wrap", justifyContent: "flex-end" },
});

export interface ConflictDialogProps {
  existing: SheetKind[] | null;
  busy: boolean;
  onChoose: (choice: "alongside" | "upgrade" | "cancel") => void;
}

export function ConflictDialog({ existing, busy, onChoose }: ConflictDialogProps): React.JSX.Element {
  const s = useStyles();
  return (
    <Dialog open={existing !== null} modalType="alert" onOpenChange={(_, d) => !d.open && !busy && onChoose("cancel")}>
      <DialogSurface aria-describedby="conflict-description">
        <DialogBody>
          <DialogTitle>Some sheets are already in this workbook</DialogTitle>
          <DialogContent className={s.content}>
            <Body1 as="p" id="conflict-description">
              {`The workbook already has ${existing && existing.length === 1 ? "this sheet" : "these sheets"}:`}
            </Body1>
            <ul className={s.list}>
              {(existing ?? []).map((k) => (
                <li key={k}>{SHEET_WORDS[k]}</li>
              ))}
            </ul>
            <Body1 as="p">
              <strong>Upgrade in place</strong> rewrites their layout and formulas and keeps every figure and comment you typed.{" "}
              <strong>Add alongside</strong> inserts new sheets with new names, such as &ldquo;Revenue (2)&rdquo;, and leaves the existing ones untouched.
            </Body1>
          </DialogContent>
          <DialogActions fluid className={s.actions}>
            <Button appearance="primary" disabledFocusable={busy} onClick={() => onChoose("upgrade")} icon={busy ? <Spinner size="extra-tiny" /> : undefined}>
              Upgrade in place
            </Button>
            <Button disabledFocusable={busy} onClick={() => onChoose("alongside")}>
              Add alongside
            </Button>
            <Button disabledFocusable={busy} onClick={() => onChoose("cancel")}>
              Cancel
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
