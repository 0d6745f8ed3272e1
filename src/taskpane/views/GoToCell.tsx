import * as React from "react";
import { Button } from "@fluentui/react-components";
import type { CellRef } from "../../workbook/gateway";
import { formatCellRef } from "../cell-ref";
import { GoToIcon } from "./icons";

/** "Go to Revenue!E7": selects the cell a check concerns in the workbook. */
export function GoToCell({ target, selecting, onSelect, className }: { target: CellRef; selecting: boolean; onSelect: (ref: CellRef) => void; className?: string }): React.JSX.Element {
  return (
    <Button className={className} size="small" appearance="secondary" icon={<GoToIcon />} disabledFocusable={selecting} onClick={() => onSelect(target)}>
      {`Go to ${formatCellRef(target)}`}
    </Button>
  );
}
