/**
 * The worker thread's task (Piscina loads this file from dist/cli/portfolio): one workbook in,
 * its case rows out. Rows are plain data, so they reach the main thread exactly as made here.
 */
import type { PortfolioCase } from "./cases";
import { casesOfWorkbook, type CaseTask } from "./readCases";

export default function analyseWorkbookTask(task: CaseTask): Promise<PortfolioCase[]> {
  return casesOfWorkbook(task);
}
