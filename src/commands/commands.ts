/** Ribbon commands: run on the active sheet without opening the pane. */
function analyseSheet(event: Office.AddinCommands.Event): void {
  event.completed();
}
function reconcileTotals(event: Office.AddinCommands.Event): void {
  event.completed();
}
Office.onReady(() => {
  Office.actions.associate("analyseSheet", analyseSheet);
  Office.actions.associate("reconcileTotals", reconcileTotals);
});
