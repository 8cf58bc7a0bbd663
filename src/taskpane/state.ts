/**
 * The task pane's logic without a DOM, gathered in one place for view.ts, index.ts and the ribbon
 * commands: the user's settings, the view models of the detected grid, of the results, of the
 * reconciliation list and of the small chart, and errors in plain words. view.ts only draws these.
 */
export * from "./settings";
export * from "./detectionView";
export * from "./resultsView";
export * from "./findingsView";
export * from "./chartGeometry";
export * from "./errorText";
