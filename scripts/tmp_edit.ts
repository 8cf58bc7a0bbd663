import ExcelJS from "exceljs";
import { applyToFile } from "../src/file";
import JSZip from "jszip";
import { promises as fs } from "fs";
(async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Case").addRows([
    [null, "Apr-22", "May-22", "Jun-22", "Jul-22", "Total"],
    ["Investment", -1000, -500, null, null, -1500],
    ["Saving", 0, 400, 700, 900, 2000],
    ["Net", -1000, -100, 700, 900, 500],
  ]);
  await wb.xlsx.writeFile("/tmp/sw/in.xlsx");
  await applyToFile("/tmp/sw/in.xlsx", "/tmp/sw/out1.xlsx", { force: true });
  const e = new ExcelJS.Workbook();
  await e.xlsx.readFile("/tmp/sw/out1.xlsx");
  const ws = e.getWorksheet("Case")!;
  for (let r = 6; r <= 30; r++) console.log(r, [1,2,3,4,5,6].map(c => JSON.stringify(ws.getCell(r, c).value)).join(" | "), ws.getCell(r,1).style?.numFmt);
  ws.getCell("D8").value = 1234;
  ws.getCell("A8").value = "My text";
  await e.xlsx.writeFile("/tmp/sw/edited.xlsx");
  const z = await JSZip.loadAsync(await fs.readFile("/tmp/sw/edited.xlsx"));
  console.log((await z.file("xl/workbook.xml")!.async("string")).slice(0, 3000));
  const st = await z.file("xl/styles.xml")!.async("string");
  console.log(st.match(/<cellStyle[^>]*>/g), st.match(/<cellStyleXfs[\s\S]*?<\/cellStyleXfs>/)?.[0]);
  try { const r = await applyToFile("/tmp/sw/edited.xlsx", "/tmp/sw/out2.xlsx", { force: true }); console.log(r.messages, r.plans.map(p=>p.names[0]));} catch (err) { console.log("ERR", (err as Error).message); }
})();
