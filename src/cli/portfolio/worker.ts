/**
 * The worker thread's task (Piscina loads this file from dist/cli/portfolio): a batch of
 * workbooks in, one after another, and each one's case rows out, in the batch's order. Rows are
 * plain data, so they reach the main thread exactly as made here. This file loads only the
 * reading and analysis code (no exceljs: see src/file/excelJs.ts), so a worker starts quickly.
 */
import type { PortfolioCase } from "./cases";
import { casesOfWorkbook, type CaseTask } from "./readCases";

export default async function analyseWorkbooksTask(tasks: CaseTask[]): Promise<PortfolioCase[][]> {
  const rows: PortfolioCase[][] = [];
  for (const task of tasks) rows.push(await casesOfWorkbook(task));
  return rows;
}
