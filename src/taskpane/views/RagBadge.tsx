import * as React from "react";
import { Badge } from "@fluentui/react-components";
import type { Rag } from "../../model/types";
import { ErrorIcon, OkIcon, WarningIcon } from "./icons";

const LOOK: Record<Rag, { color: "danger" | "warning" | "success"; icon: React.JSX.Element }> = {
  Red: { color: "danger", icon: <ErrorIcon /> },
  Amber: { color: "warning", icon: <WarningIcon /> },
  Green: { color: "success", icon: <OkIcon /> },
};

/** A RAG status: colour, a shape and the word, so it does not depend on seeing colour. */
export function RagBadge({ rag }: { rag: Rag }): React.JSX.Element {
  const look = LOOK[rag];
  return (
    <Badge appearance="filled" color={look.color} icon={look.icon} size="large" shape="rounded" data-rag={rag}>
      {rag}
    </Badge>
  );
}
