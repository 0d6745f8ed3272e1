import * as React from "react";
import { Button, Link, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { PaneNotice } from "../errors";
import { DismissIcon } from "./icons";

/** What happened and what to do: errors are announced at once, other notices politely. */
export function NoticeBar({ notice, onDismiss }: { notice: PaneNotice; onDismiss: () => void }): React.JSX.Element {
  return (
    <MessageBar intent={notice.intent} layout="multiline" politeness={notice.intent === "error" ? "assertive" : "polite"} data-testid="notice" data-intent={notice.intent}>
      <MessageBarBody>
        <MessageBarTitle>{notice.title}</MessageBarTitle>
        {notice.body}
        {notice.link && (
          <>
            {" "}
            <Link href={notice.link.href} download={notice.link.download} target="_blank" rel="noopener">{notice.link.label}</Link>
          </>
        )}
      </MessageBarBody>
      <MessageBarActions containerAction={<Button aria-label="Dismiss message" appearance="transparent" icon={<DismissIcon />} onClick={onDismiss} />} />
    </MessageBar>
  );
}
