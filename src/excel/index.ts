/** The Office.js adapter: what the task pane and the ribbon commands call. */
export {
  analyseActiveSheet,
  analyseAllSheets,
  detectActiveSheet,
  reconcileActiveSheet,
} from "./operations";
export { clearMarks, removeOutput } from "./removeOutput";
export { selectRange } from "./selectRange";
