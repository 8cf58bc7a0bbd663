import ExcelJS from "exceljs";
(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(process.argv[2]);
  console.log(JSON.stringify(wb.definedNames.model));
  wb.eachSheet((ws) => {
    ws.eachRow((row, r) => row.eachCell((cell, c) => {
      if (r >= 57 && cell.type === ExcelJS.ValueType.Formula) console.log(ws.name, cell.address, cell.formula, JSON.stringify(cell.result), cell.numFmt);
    }));
  });
})();
