/** A period's error checks: while there is one, its figures are incomplete and nothing may present them as clean. */
import type { Position } from "../engine/position";

export function periodErrors(p: Position): Position["checks"] {
  return p.checks.filter((c) => c.severity === "error");
}
