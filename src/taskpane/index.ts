/**
 * Task pane entry: wires the buttons to the Excel operations and draws the results.
 * Plain DOM, no framework; everything from the workbook is drawn with textContent (view.ts).
 */
import { SECTION_NAMES, splitCellRef } from "../sheet";
import { ErrorMessage, ItosError, isItosError } from "../engine";
import { allSheetsMessage } from "../grid";
import {
  analyseActiveSheet,
  analyseAllSheets,
  clearMarks,
  detectActiveSheet,
  reconcileActiveSheet,
  removeOutput,
  selectRange,
} from "../excel";
import {
  analyseOptions,
  basisChoice,
  candidateLine,
  chartGeometry,
  conventionsView,
  defaultSettings,
  detectionView,
  errorText,
  excludedView,
  findingsView,
  kpiView,
  leftAloneText,
  schemesView,
  statedPaybacksView,
  parseRatePercent,
  withRole,
  type OutputPlace,
  type PaneSettings,
  type RoleChoice,
} from "./state";
import {
  byId,
  renderCandidates,
  renderChart,
  renderConventions,
  renderDetection,
  renderDialogMessage,
  renderExcluded,
  renderFindings,
  renderKpis,
  renderLeftAlone,
  renderSchemes,
  renderStatedPaybacks,
  setError,
  setSelectionNote,
  setStatus,
  show,
} from "./view";
import { setWhatIfBase, wireWhatIf } from "./whatIfSection";

let settings: PaneSettings = defaultSettings();

/** Runs one user action with the progress line shown and any failure said in plain words. */
async function task(status: string, work: () => Promise<void>): Promise<void> {
  setError(null);
  setStatus(status);
  try {
    await work();
  } catch (error) {
    setError(errorText(error));
    if (isItosError(error) && error.code === "ambiguous-layout" && error.candidates.length > 0) {
      renderCandidates(
        "Say what each of these lines is, then press Detect again:",
        error.candidates.map(candidateLine),
        onRole
      );
    }
  } finally {
    setStatus(null);
  }
}

function onRole(key: string, choice: RoleChoice): void {
  settings = withRole(settings, key, choice);
}

function readSettings(): void {
  settings = {
    ...settings,
    basis: basisChoice(byId<HTMLSelectElement>("basis").value),
    discountRatePercent: byId<HTMLInputElement>("rate").value,
    output: byId<HTMLSelectElement>("output").value as OutputPlace,
    valuesOnly: byId<HTMLInputElement>("values-only").checked,
  };
  if (parseRatePercent(settings.discountRatePercent) === null) {
    throw new ItosError(
      "bad-argument",
      ErrorMessage.setting.ratePercentUnreadable(settings.discountRatePercent)
    );
  }
}

async function detect(): Promise<void> {
  await task("Reading the sheet…", async () => {
    readSettings();
    const { analysis, read } = await detectActiveSheet(analyseOptions(settings));
    setSelectionNote(read.selectionNote);
    const view = detectionView(analysis.model, settings);
    renderDetection(view, onRole);
    renderExcluded(excludedView(analysis.model));
    setWhatIfBase(analysis);
    await selectRange(view.sheet, view.outline);
  });
}

async function analyse(): Promise<void> {
  await task("Analysing and writing to the workbook…", async () => {
    readSettings();
    const run = await analyseActiveSheet({
      options: analyseOptions(settings),
      valuesOnly: settings.valuesOnly,
      newSheet: settings.output === "new-sheet",
    });
    renderDetection(detectionView(run.analysis.model, settings), onRole);
    renderExcluded(excludedView(run.analysis.model));
    renderKpis(kpiView(run.analysis.result, run.analysis.model.unit));
    renderConventions(conventionsView(run.analysis.result));
    renderSchemes(schemesView(run.analysis));
    renderStatedPaybacks(
      statedPaybacksView(run.analysis.statedPaybacks),
      (cell) => void selectFinding(cell)
    );
    renderChart(chartGeometry(run.analysis.result, run.analysis.model.unit));
    setWhatIfBase(run.analysis);
    const done = byId("analyse-done");
    const where = run.plan.newSheet
      ? `on the sheet '${run.plan.newSheet}'`
      : `below the grid on '${run.applied.sheet}'`;
    done.textContent = `Written ${where}: ${run.applied.cellsWritten} cells, ${run.plan.names.length} named ranges${run.plan.charts.length ? ", a chart" : ""}.`;
    show(done, true);
    const output = run.plan.names.find((n) => n.name.startsWith(SECTION_NAMES.output));
    renderLeftAlone(leftAloneText(run.applied.leftAlone, output?.ref ?? null));
  });
}

async function analyseAll(): Promise<void> {
  await task("Analysing every sheet and writing the portfolio…", async () => {
    readSettings();
    const run = await analyseAllSheets({
      options: analyseOptions(settings),
      valuesOnly: settings.valuesOnly,
    });
    const done = byId("analyse-done");
    done.textContent = allSheetsMessage(run.rows);
    show(done, true);
  });
}

async function reconcile(): Promise<void> {
  await task("Checking the stated totals…", async () => {
    readSettings();
    const run = await reconcileActiveSheet(analyseOptions(settings));
    renderFindings(findingsView(run.analysis.reconciliation), (cell) => void selectFinding(cell));
    renderStatedPaybacks(
      statedPaybacksView(run.analysis.statedPaybacks),
      (cell) => void selectFinding(cell)
    );
  });
}

async function selectFinding(cell: string): Promise<void> {
  const ref = splitCellRef(cell);
  if (!ref) return;
  setError(null);
  try {
    await selectRange(ref.sheet, ref.address);
  } catch (error) {
    setError(errorText(error));
  }
}

async function clearAllMarks(): Promise<void> {
  await task("Clearing marks…", async () => {
    const n = await clearMarks();
    byId("reconcile-summary").textContent =
      n === 0 ? "There were no marks to clear." : `Cleared ${n} ${n === 1 ? "mark" : "marks"}.`;
    show(byId("findings"), false);
  });
}

async function remove(): Promise<void> {
  await task("Removing ITOS output…", async () => {
    const r = await removeOutput();
    show(byId("kpis"), false);
    show(byId("chart"), false);
    show(byId("findings"), false);
    show(byId("conventions-box"), false);
    show(byId("schemes-box"), false);
    show(byId("stated-box"), false);
    const done = byId("analyse-done");
    done.textContent =
      r.namesRemoved === 0
        ? "There was no ITOS output to remove."
        : `Removed the ITOS output${r.sheetRemoved ? ` and the sheet '${r.sheetRemoved}'` : ""}.`;
    show(done, true);
  });
}

function start(): void {
  const message = new URLSearchParams(window.location.search).get("itosMessage");
  if (message !== null) {
    // Opened as the ribbon commands' result dialog: show the message and nothing else.
    renderDialogMessage(message);
    return;
  }
  byId("detect").addEventListener("click", () => void detect());
  byId("analyse").addEventListener("click", () => void analyse());
  byId("analyse-all").addEventListener("click", () => void analyseAll());
  byId("reconcile").addEventListener("click", () => void reconcile());
  byId("clear-marks").addEventListener("click", () => void clearAllMarks());
  byId("remove").addEventListener("click", () => void remove());
  wireWhatIf();
  void detect();
}

Office.onReady(() => start());
