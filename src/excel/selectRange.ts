/** Selects a range in Excel (the grid outline after Detect, a finding's cell on click). */
export async function selectRangeInContext(
  context: Excel.RequestContext,
  sheet: string,
  address: string
): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.activate();
  ws.getRange(address).select();
  await context.sync();
}

export function selectRange(sheet: string, address: string): Promise<void> {
  return Excel.run((context) => selectRangeInContext(context, sheet, address));
}
