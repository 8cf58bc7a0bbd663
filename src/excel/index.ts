/** The Office.js adapter: what the task pane and the ribbon commands call. */
export { analyseActiveSheet, detectActiveSheet, reconcileActiveSheet } from "./operations";
export { clearMarks, removeOutput } from "./removeOutput";
export { selectRange } from "./selectRange";
