/**
 * An error boundary around one view: an exception while drawing it shows what happened and what to do in its place,
 * and the rest of the pane (tabs, message bar, the other views) keeps working. React catches render errors only in a
 * class component with getDerivedStateFromError (https://react.dev/reference/react/Component#catching-rendering-errors-with-an-error-boundary).
 */
import * as React from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { renderFailure, thrownMessage } from "../notices";

export interface ViewBoundaryProps {
  /** The view in words, for the message: "Position view". Absent for the boundary around the whole pane. */
  name?: string;
  /** When this changes (a new reading of the workbook), a failed view is drawn again. */
  resetKey?: unknown;
  children: React.ReactNode;
}

interface BoundaryState {
  /** The message of what was thrown while drawing, while the view is failed. */
  failure: string | null;
}

export class ViewBoundary extends React.Component<ViewBoundaryProps, BoundaryState> {
  override state: BoundaryState = { failure: null };

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { failure: thrownMessage(error) };
  }

  override componentDidUpdate(prevProps: ViewBoundaryProps, prevState: BoundaryState): void {
    // A new reading draws a failed view again; not in the update that failed (prevState has no failure then), which
    // would loop on a view that fails on every reading.
    if (prevState.failure !== null && this.state.failure !== null && prevProps.resetKey !== this.props.resetKey) this.setState({ failure: null });
  }

  private readonly retry = () => this.setState({ failure: null });

  override render(): React.ReactNode {
    const { failure } = this.state;
    if (failure === null) return this.props.children;
    const { name } = this.props;
    const bar = (
      <MessageBar intent="error" layout="multiline" politeness="assertive" data-testid="view-failure">
        <MessageBarBody>
          <MessageBarTitle>{name ? renderFailure.title(name) : renderFailure.paneTitle}</MessageBarTitle>
          {name ? renderFailure.body(failure) : renderFailure.paneBody(failure)}
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={this.retry}>{renderFailure.retry}</Button>
        </MessageBarActions>
      </MessageBar>
    );
    // Around the whole pane, the message is the page's main content.
    return name ? bar : <main style={{ padding: "16px" }}>{bar}</main>;
  }
}
