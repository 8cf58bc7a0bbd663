/**
 * Workbooks with parts exceljs does not model, for proving that apply copies them through:
 * one made by LibreOffice with a chart (converted from flat ODF by soffice), and one with a
 * sparkline group in the sheet's extLst, a custom XML part and printer settings (a binary part).
 */
import { execFile } from "child_process";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { pathToFileURL } from "url";
import ExcelJS from "exceljs";
import JSZip from "jszip";

/** A small monthly case with a line chart over it, as LibreOffice's flat ODF. */
export const CHART_CASE_FODS = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:chart="urn:oasis:names:tc:opendocument:xmlns:chart:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
 <office:body>
  <office:spreadsheet>
   <table:table table:name="Case">
    <table:table-row>
     <table:table-cell/>
     <table:table-cell office:value-type="string"><text:p>Apr-22</text:p></table:table-cell>
     <table:table-cell office:value-type="string"><text:p>May-22</text:p></table:table-cell>
     <table:table-cell office:value-type="string"><text:p>Jun-22</text:p></table:table-cell>
     <table:table-cell office:value-type="string"><text:p>Jul-22</text:p></table:table-cell>
     <table:table-cell office:value-type="string"><text:p>Aug-22</text:p></table:table-cell>
    </table:table-row>
    <table:table-row>
     <table:table-cell office:value-type="string"><text:p>Investment</text:p></table:table-cell>
     <table:table-cell office:value-type="float" office:value="-1000"><text:p>-1000</text:p></table:table-cell>
     <table:table-cell office:value-type="float" office:value="-500"><text:p>-500</text:p></table:table-cell>
     <table:table-cell/><table:table-cell/><table:table-cell/>
    </table:table-row>
    <table:table-row>
     <table:table-cell office:value-type="string"><text:p>Saving</text:p></table:table-cell>
     <table:table-cell office:value-type="float" office:value="0"><text:p>0</text:p></table:table-cell>
     <table:table-cell office:value-type="float" office:value="400"><text:p>400</text:p></table:table-cell>
     <table:table-cell office:value-type="float" office:value="700"><text:p>700</text:p></table:table-cell>
     <table:table-cell office:value-type="float" office:value="900"><text:p>900</text:p></table:table-cell>
     <table:table-cell office:value-type="float" office:value="900"><text:p>900</text:p>
      <draw:frame draw:z-index="0" draw:name="Savings chart" svg:width="12cm" svg:height="7cm" svg:x="0.5cm" svg:y="0.5cm">
       <draw:object draw:notify-on-update-of-ranges="Case.A1:Case.F3">
        <office:document office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.chart">
         <office:body>
          <office:chart>
           <chart:chart chart:class="chart:line" svg:width="12cm" svg:height="7cm">
            <chart:title><text:p>Savings</text:p></chart:title>
            <chart:plot-area table:cell-range-address="Case.A1:Case.F3" chart:data-source-has-labels="both">
             <chart:axis chart:dimension="x" chart:name="primary-x"><chart:categories table:cell-range-address="Case.B1:Case.F1"/></chart:axis>
             <chart:axis chart:dimension="y" chart:name="primary-y"/>
             <chart:series chart:values-cell-range-address="Case.B2:Case.F2" chart:label-cell-address="Case.A2" chart:class="chart:line"><chart:data-point chart:repeated="5"/></chart:series>
             <chart:series chart:values-cell-range-address="Case.B3:Case.F3" chart:label-cell-address="Case.A3" chart:class="chart:line"><chart:data-point chart:repeated="5"/></chart:series>
            </chart:plot-area>
           </chart:chart>
          </office:chart>
         </office:body>
        </office:document>
       </draw:object>
      </draw:frame>
     </table:table-cell>
    </table:table-row>
   </table:table>
  </office:spreadsheet>
 </office:body>
</office:document>
`;

/** Converts the chart case to .xlsx with LibreOffice; returns the file's path. */
export async function libreOfficeChartWorkbook(dir: string): Promise<string> {
  const source = path.join(dir, "chart-case.fods");
  await fs.writeFile(source, CHART_CASE_FODS, "utf8");
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), "itos-lo-profile-"));
  try {
    await new Promise<void>((resolve, reject) =>
      execFile(
        "soffice",
        [
          "--headless",
          "--norestore",
          `-env:UserInstallation=${pathToFileURL(profile).href}`,
          "--convert-to",
          "xlsx",
          "--outdir",
          dir,
          source,
        ],
        { timeout: 180_000 },
        (error, _stdout, stderr) =>
          error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve()
      )
    );
  } finally {
    await fs.rm(profile, { recursive: true, force: true });
  }
  return path.join(dir, "chart-case.xlsx");
}

/** The sparkline group ITOS must carry through in the sheet's extLst (x14, as Excel writes it). */
export const SPARKLINE_EXT =
  '<extLst><ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:sparklineGroups xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:sparklineGroup displayEmptyCellsAs="gap"><x14:colorSeries rgb="FF376092"/><x14:colorNegative rgb="FFD00000"/><x14:colorAxis rgb="FF000000"/><x14:colorMarkers rgb="FFD00000"/><x14:colorFirst rgb="FFD00000"/><x14:colorLast rgb="FFD00000"/><x14:colorHigh rgb="FFD00000"/><x14:colorLow rgb="FFD00000"/><x14:sparklines><x14:sparkline><xm:f>Case!B3:F3</xm:f><xm:sqref>G3</xm:sqref></x14:sparkline></x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext></extLst>';

const CUSTOM_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<council:case xmlns:council="urn:example:council">Invest to save, scheme 7</council:case>';
const CUSTOM_XML_PROPS =
  '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="{6E4A2C3B-1D2F-4A5B-9C8D-7E6F5A4B3C2D}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>';
/** Stand-in printer settings: binary, so they prove bytes are copied, not text. */
export const PRINTER_SETTINGS = Buffer.from(Array.from({ length: 256 }, (_, i) => (i * 37) % 256));

/** A grid sheet with a sparkline group, a custom XML part and printer settings. */
export async function sparklineCustomXmlWorkbook(dir: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Case").addRows([
    [null, "Apr-22", "May-22", "Jun-22", "Jul-22", "Aug-22"],
    ["Investment", -1000, -500, null, null, null],
    ["Saving", 0, 400, 700, 900, 900],
  ]);
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const sheetPart = "xl/worksheets/sheet1.xml";
  const sheet = (await zip.file(sheetPart)?.async("string")) as string;
  zip.file(sheetPart, sheet.replace("</worksheet>", `${SPARKLINE_EXT}</worksheet>`));
  zip.file("customXml/item1.xml", CUSTOM_XML);
  zip.file("customXml/itemProps1.xml", CUSTOM_XML_PROPS);
  zip.file(
    "customXml/_rels/item1.xml.rels",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps" Target="itemProps1.xml"/></Relationships>'
  );
  zip.file("xl/printerSettings/printerSettings1.bin", PRINTER_SETTINGS);
  const wbRels = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) as string;
  zip.file(
    "xl/_rels/workbook.xml.rels",
    wbRels.replace(
      "</Relationships>",
      '<Relationship Id="rIdCustom1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item1.xml"/></Relationships>'
    )
  );
  const sheetRelsPart = "xl/worksheets/_rels/sheet1.xml.rels";
  const sheetRels =
    (await zip.file(sheetRelsPart)?.async("string")) ??
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  zip.file(
    sheetRelsPart,
    sheetRels.replace(
      "</Relationships>",
      '<Relationship Id="rIdPrinter1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/printerSettings" Target="../printerSettings/printerSettings1.bin"/></Relationships>'
    )
  );
  const types = (await zip.file("[Content_Types].xml")?.async("string")) as string;
  zip.file(
    "[Content_Types].xml",
    types.replace(
      "</Types>",
      '<Default Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings"/><Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/></Types>'
    )
  );
  const file = path.join(dir, "sparkline-customxml.xlsx");
  await fs.writeFile(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return file;
}
