import * as React from "react";
import { Subtitle1 } from "@fluentui/react-components";

/** A view's heading. Focusable from script (tabIndex -1), so the pane can move focus to it after an action changes view. */
export function ViewHeading({ id, children }: { id: string; children: React.ReactNode }): React.JSX.Element {
  return (
    <Subtitle1 as="h2" block id={id} tabIndex={-1} style={{ outline: "none", margin: 0 }}>
      {children}
    </Subtitle1>
  );
}
