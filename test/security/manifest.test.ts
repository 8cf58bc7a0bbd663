/**
 * The manifest asks for no more than the add-in uses: it reads and writes the workbook
 * (ReadWriteDocument), never ReadWriteMailbox-style or WriteDocument-only rights, and it lists no
 * extra domains to navigate to.
 */
import * as fs from "fs";
import * as path from "path";
import { XMLParser } from "fast-xml-parser";

const MANIFEST = path.resolve(__dirname, "../../manifest.xml");

function manifest(): Record<string, unknown> {
  if (!fs.existsSync(MANIFEST)) throw new Error("manifest.xml not found at the project root.");
  const parser = new XMLParser({ ignoreAttributes: false, removeNSPrefix: true });
  const doc = parser.parse(fs.readFileSync(MANIFEST, "utf8")) as Record<
    string,
    Record<string, unknown>
  >;
  return doc.OfficeApp;
}

describe("manifest.xml permissions", () => {
  it("asks for ReadWriteDocument and nothing more", () => {
    // Reading the grid and writing the analysis need both read and write on the document; the
    // next level up (ReadWriteMailbox / WriteDocument variants) is not for workbooks.
    expect(manifest().Permissions).toBe("ReadWriteDocument");
  });

  it("lists no extra app domains (the add-in navigates nowhere but its own pages)", () => {
    const domains = (manifest().AppDomains ?? "") as unknown;
    const list =
      typeof domains === "object" && domains !== null
        ? ([] as unknown[]).concat((domains as { AppDomain?: unknown }).AppDomain ?? [])
        : [];
    expect(list).toEqual([]);
  });
});
