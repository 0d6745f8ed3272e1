/** Small 16 px icons in the Fluent style (drawn here to keep the bundle small); decorative, so hidden from assistive technology. */
import * as React from "react";

type IconProps = { className?: string };

function Icon({ className, children }: IconProps & { children: React.ReactNode }): React.JSX.Element {
  return (
    <svg className={className} width="16" height="16" viewBox="0 0 16 16" fill="currentColor" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

/** A circle with a cross: an error, or Red. */
export function ErrorIcon(props: IconProps): React.JSX.Element {
  return (
    <Icon {...props}>
      <path d="M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1Zm2.35 3.94L8 7.29 5.65 4.94l-.71.71L7.29 8l-2.35 2.35.71.71L8 8.71l2.35 2.35.71-.71L8.71 8l2.35-2.35-.71-.71Z" />
    </Icon>
  );
}

/** A triangle with an exclamation mark: a warning, or Amber. */
export function WarningIcon(props: IconProps): React.JSX.Element {
  return (
    <Icon {...props}>
      <path d="M7.13 1.5a1 1 0 0 1 1.74 0l6.5 11.5A1 1 0 0 1 14.5 14.5h-13a1 1 0 0 1-.87-1.5l6.5-11.5ZM7.5 5.5v4h1v-4h-1Zm.5 5.5a.75.75 0 1 0 0 1.5.75.75 0 0 0 0-1.5Z" />
    </Icon>
  );
}

/** A circle with an i: a note. */
export function InfoIcon(props: IconProps): React.JSX.Element {
  return (
    <Icon {...props}>
      <path d="M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1Zm-.5 6v5h1V7h-1ZM8 4.25a.75.75 0 1 0 0 1.5.75.75 0 0 0 0-1.5Z" />
    </Icon>
  );
}

/** A circle with a tick: Green. */
export function OkIcon(props: IconProps): React.JSX.Element {
  return (
    <Icon {...props}>
      <path d="M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1Zm3.15 4.15L7 9.29 4.85 7.15l-.7.7L7 10.71l4.85-4.86-.7-.7Z" />
    </Icon>
  );
}

/** Circular arrows: Recalculate. */
export function RefreshIcon(props: IconProps): React.JSX.Element {
  return (
    <Icon {...props}>
      <path d="M13 2.5v4h-4v-1h2.2A4.5 4.5 0 1 0 12.5 8h1A5.5 5.5 0 1 1 12 4.26V2.5h1Z" />
    </Icon>
  );
}

/** An arrow into a cell: go to the cell. */
export function GoToIcon(props: IconProps): React.JSX.Element {
  return (
    <Icon {...props}>
      <path d="M2 3.5A1.5 1.5 0 0 1 3.5 2h9A1.5 1.5 0 0 1 14 3.5v9a1.5 1.5 0 0 1-1.5 1.5h-4v-1h4a.5.5 0 0 0 .5-.5v-9a.5.5 0 0 0-.5-.5h-9a.5.5 0 0 0-.5.5v4H2v-4Zm5 3h4v4h-1V8.2l-6.15 6.15-.7-.7L9.29 7.5H7v-1Z" />
    </Icon>
  );
}

/** A cross: dismiss. */
export function DismissIcon(props: IconProps): React.JSX.Element {
  return (
    <Icon {...props}>
      <path d="m3.85 3.15 4.15 4.14 4.15-4.14.7.7L8.71 8l4.14 4.15-.7.7L8 8.71l-4.15 4.14-.7-.7L7.29 8 3.15 3.85l.7-.7Z" />
    </Icon>
  );
}
