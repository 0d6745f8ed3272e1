/**
 * Function file for the ribbon (manifest FunctionFile, commands.html).
 *
 * Outturn's only ribbon button opens the task pane (a ShowTaskpane action), which needs no code.
 * This file is where ExecuteFunction commands would be registered with Office.actions.associate.
 */

import { officeLoaded, officeReady } from "../excel/office";

if (officeLoaded()) {
  void officeReady();
}
