/**
 * Ribbon commands (shared runtime): "Analyse sheet" and "Reconcile totals" run on the active sheet
 * without opening the pane, then show their result in a small dialog. event.completed() is always
 * called, whatever happens, so Excel never waits on a command.
 */
import { analyseActiveSheet, reconcileActiveSheet } from "../excel";
import { errorText } from "../taskpane/state";
import { analyseMessage, reconcileMessage } from "./messages";

/** Shows a result in a small dialog: the add-in's own page in message mode (text only). */
export function showMessage(text: string): Promise<void> {
  return new Promise((resolve) => {
    const here =
      typeof window !== "undefined" ? window.location.href : "https://localhost:3000/taskpane.html";
    const url = new URL("taskpane.html", here);
    url.search = new URLSearchParams({ itosMessage: text }).toString();
    try {
      Office.context.ui.displayDialogAsync(
        url.toString(),
        { height: 30, width: 30, displayInIframe: true },
        () => resolve()
      );
    } catch {
      resolve();
    }
  });
}

export async function analyseSheetCommand(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const run = await analyseActiveSheet({ options: {} });
    const where = run.plan.newSheet ? `on the sheet '${run.plan.newSheet}'` : "below the grid";
    await showMessage(
      analyseMessage(
        run.analysis.model.sheetName,
        run.analysis.result,
        run.analysis.model.unit,
        where
      )
    );
  } catch (error) {
    await showMessage(`ITOS could not analyse this sheet. ${errorText(error)}`);
  } finally {
    event.completed();
  }
}

export async function reconcileTotalsCommand(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const run = await reconcileActiveSheet({});
    await showMessage(reconcileMessage(run.analysis.model.sheetName, run.analysis.reconciliation));
  } catch (error) {
    await showMessage(`ITOS could not check the totals on this sheet. ${errorText(error)}`);
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  // A dialog opened from this page loads it again; only the add-in's runtime registers commands.
  if (
    typeof window !== "undefined" &&
    new URLSearchParams(window.location.search).has("itosMessage")
  )
    return;
  Office.actions.associate("analyseSheet", analyseSheetCommand);
  Office.actions.associate("reconcileTotals", reconcileTotalsCommand);
});
