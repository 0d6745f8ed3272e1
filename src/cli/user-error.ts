/** An error whose message is written for the person running the command; printed without a stack trace. */
import { EXIT, type ExitCode } from "./exit-codes";

export class UserError extends Error {
  /** Refused input by default; a period with errors refused (slides without --draft) exits 2. */
  constructor(message: string, readonly exitCode: ExitCode = EXIT.refused) {
    super(message);
    this.name = "UserError";
  }
}
