/**
 * An offline check of manifest.xml for what breaks add-ins in practice (the online validator,
 * `npm run validate`, is not reachable from every machine): resources that do not resolve, a
 * shared runtime whose pieces disagree, URLs that miss the dev server, icons that do not exist or
 * have the wrong size, elements out of schema order, ribbon buttons whose function nobody
 * registers.
 */
import fs from "fs";
import path from "path";
import { findAll, parseXml, path as at, type XmlElement } from "./xmlTree";

const ROOT = path.join(__dirname, "..", "..");
const manifest = parseXml(fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8"));
const packageJson = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
const DEV_PORT = String(packageJson.config.dev_server_port);

const versionOverrides = at(manifest, "VersionOverrides");
const host = at(versionOverrides, "Hosts", "Host");
const resources = at(versionOverrides, "Resources");

type ResourceKind = "Images" | "Urls" | "ShortStrings" | "LongStrings";

/** Resource id -> value, for one kind. */
function resourceTable(kind: ResourceKind): Map<string, string> {
  return new Map(
    at(resources, kind).children.map((item) => [item.attrs.id, item.attrs.DefaultValue])
  );
}
const images = resourceTable("Images");
const urls = resourceTable("Urls");
const shortStrings = resourceTable("ShortStrings");
const longStrings = resourceTable("LongStrings");

/** Checks that `element`'s children follow `sequence` (each at most once unless repeatable) and include `required`. */
function expectSequence(
  element: XmlElement,
  sequence: string[],
  required: string[],
  repeatable: string[] = []
) {
  const names = element.children.map((c) => c.name);
  const unknown = names.filter((n) => !sequence.includes(n));
  expect({ element: element.name, unknown }).toEqual({ element: element.name, unknown: [] });
  const positions = names.map((n) => sequence.indexOf(n));
  const outOfOrder = names.filter(
    (n, i) =>
      i > 0 &&
      (positions[i] < positions[i - 1] ||
        (positions[i] === positions[i - 1] && !repeatable.includes(n)))
  );
  expect({ element: element.name, outOfOrder }).toEqual({ element: element.name, outOfOrder: [] });
  const missing = required.filter((n) => !names.includes(n));
  expect({ element: element.name, missing }).toEqual({ element: element.name, missing: [] });
}

describe("schema shape", () => {
  test("OfficeApp is a task pane add-in and its children follow the schema's order", () => {
    expect(manifest.name).toBe("OfficeApp");
    expect(manifest.attrs["xsi:type"]).toBe("TaskPaneApp");
    expect(manifest.attrs.xmlns).toBe("http://schemas.microsoft.com/office/appforoffice/1.1");
    expectSequence(
      manifest,
      [
        "Id",
        "AlternateId",
        "Version",
        "ProviderName",
        "DefaultLocale",
        "DisplayName",
        "Description",
        "IconUrl",
        "HighResolutionIconUrl",
        "SupportUrl",
        "AppDomains",
        "Hosts",
        "Requirements",
        "DefaultSettings",
        "Permissions",
        "Dictionary",
        "VersionOverrides",
        "ExtendedOverrides",
      ],
      [
        "Id",
        "Version",
        "ProviderName",
        "DefaultLocale",
        "DisplayName",
        "Description",
        "IconUrl",
        "HighResolutionIconUrl",
        "SupportUrl",
        "Hosts",
        "Requirements",
        "DefaultSettings",
        "Permissions",
        "VersionOverrides",
      ]
    );
  });

  test("Id is a GUID, Version has four parts, the host is Excel, permission is ReadWriteDocument", () => {
    expect(at(manifest, "Id").text).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
    );
    expect(at(manifest, "Version").text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(at(manifest, "Hosts", "Host").attrs.Name).toBe("Workbook");
    expect(host.attrs["xsi:type"]).toBe("Workbook");
    expect(at(manifest, "Permissions").text).toBe("ReadWriteDocument");
  });

  test("VersionOverrides, its Host, form factors, ribbon and resources follow the schema's order", () => {
    expect(versionOverrides.attrs.xmlns).toBe(
      "http://schemas.microsoft.com/office/taskpaneappversionoverrides"
    );
    expect(versionOverrides.attrs["xsi:type"]).toBe("VersionOverridesV1_0");
    expectSequence(
      versionOverrides,
      [
        "Description",
        "Requirements",
        "Hosts",
        "Resources",
        "EquivalentAddins",
        "WebApplicationInfo",
      ],
      ["Hosts", "Resources"]
    );
    expectSequence(
      host,
      ["Runtimes", "AllFormFactors", "DesktopFormFactor"],
      ["Runtimes", "AllFormFactors", "DesktopFormFactor"]
    );
    expectSequence(
      at(host, "DesktopFormFactor"),
      ["GetStarted", "FunctionFile", "ExtensionPoint"],
      ["FunctionFile", "ExtensionPoint"],
      ["ExtensionPoint"]
    );
    expectSequence(
      resources,
      ["Images", "Urls", "ShortStrings", "LongStrings"],
      ["Images", "Urls", "ShortStrings", "LongStrings"]
    );
    const customFunctions = at(host, "AllFormFactors", "ExtensionPoint");
    expect(customFunctions.attrs["xsi:type"]).toBe("CustomFunctions");
    expectSequence(
      customFunctions,
      ["Script", "Page", "Metadata", "Namespace"],
      ["Script", "Page", "Metadata", "Namespace"]
    );
    for (const group of findAll(host, (e) => e.name === "Group"))
      expectSequence(
        group,
        ["Label", "Icon", "Control"],
        ["Label", "Icon", "Control"],
        ["Control"]
      );
    for (const control of findAll(host, (e) => e.name === "Control")) {
      expect(control.attrs["xsi:type"]).toBe("Button");
      expectSequence(
        control,
        ["Label", "Supertip", "Icon", "Action", "Enabled"],
        ["Label", "Supertip", "Icon", "Action"]
      );
    }
  });

  test("ribbon ids are unique", () => {
    const ids = findAll(host, (e) => e.name === "Group" || e.name === "Control").map(
      (e) => e.attrs.id
    );
    expect(new Set(ids).size).toBe(ids.length);
    expect(at(host, "DesktopFormFactor", "ExtensionPoint", "OfficeTab").attrs.id).toBe("TabHome");
  });
});

describe("resources", () => {
  /** Which resource table an element's resid must point into. */
  function kindOf(element: XmlElement): ResourceKind {
    if (element.name === "Image") return "Images";
    if (["Runtime", "SourceLocation", "FunctionFile", "LearnMoreUrl"].includes(element.name))
      return "Urls";
    if (["Label", "Title", "Namespace"].includes(element.name)) return "ShortStrings";
    if (element.name === "Description") return "LongStrings";
    throw new Error(`No rule for resid on <${element.name}>`);
  }
  const tables = {
    Images: images,
    Urls: urls,
    ShortStrings: shortStrings,
    LongStrings: longStrings,
  };

  test("resource ids are unique within their kind", () => {
    for (const kind of Object.keys(tables) as ResourceKind[]) {
      const ids = at(resources, kind).children.map((item) => item.attrs.id);
      expect({ kind, duplicates: ids.filter((id, i) => ids.indexOf(id) !== i) }).toEqual({
        kind,
        duplicates: [],
      });
    }
  });

  test("every resid resolves to a defined resource of the right kind", () => {
    const users = findAll(host, (e) => "resid" in e.attrs);
    expect(users.length).toBeGreaterThan(20);
    const unresolved = users
      .filter((e) => !tables[kindOf(e)].has(e.attrs.resid))
      .map((e) => `<${e.name} resid="${e.attrs.resid}">`);
    expect(unresolved).toEqual([]);
  });

  test("resource ids fit the 32-character limit and strings their length limits", () => {
    for (const table of Object.values(tables))
      for (const id of table.keys()) expect(id.length).toBeLessThanOrEqual(32);
    for (const value of shortStrings.values()) expect(value.length).toBeLessThanOrEqual(125);
    for (const value of longStrings.values()) expect(value.length).toBeLessThanOrEqual(250);
  });

  test("every defined resource is used (a typo in a resid would leave one orphaned)", () => {
    const used = new Set(findAll(host, (e) => "resid" in e.attrs).map((e) => e.attrs.resid));
    const unused = Object.values(tables)
      .flatMap((t) => [...t.keys()])
      .filter((id) => !used.has(id));
    expect(unused).toEqual([]);
  });
});

describe("shared runtime", () => {
  const runtime = at(host, "Runtimes", "Runtime");
  const customFunctions = at(host, "AllFormFactors", "ExtensionPoint");

  test("the Runtime, the custom functions' Page and the FunctionFile are the same page, kept alive", () => {
    expect(runtime.attrs.lifetime).toBe("long");
    expect(at(customFunctions, "Page", "SourceLocation").attrs.resid).toBe(runtime.attrs.resid);
    expect(at(host, "DesktopFormFactor", "FunctionFile").attrs.resid).toBe(runtime.attrs.resid);
    const showTaskpane = findAll(
      host,
      (e) => e.name === "Action" && e.attrs["xsi:type"] === "ShowTaskpane"
    );
    expect(showTaskpane).toHaveLength(1);
    expect(at(showTaskpane[0], "SourceLocation").attrs.resid).toBe(runtime.attrs.resid);
    expect(urls.get(runtime.attrs.resid)).toBe(
      at(manifest, "DefaultSettings", "SourceLocation").attrs.DefaultValue
    );
  });

  test("Runtimes is the first child of the Host", () => {
    expect(host.children[0].name).toBe("Runtimes");
  });

  test("SharedRuntime 1.1 and CustomFunctionsRuntime 1.1 are required at the top level and in VersionOverrides", () => {
    for (const requirements of [
      at(manifest, "Requirements"),
      at(versionOverrides, "Requirements"),
    ]) {
      const sets = new Map(
        at(requirements, "Sets").children.map((s) => [s.attrs.Name, s.attrs.MinVersion])
      );
      expect(sets.get("SharedRuntime")).toBe("1.1");
      expect(sets.get("CustomFunctionsRuntime")).toBe("1.1");
    }
  });

  test("the custom functions' namespace is ITOS", () => {
    expect(shortStrings.get(at(customFunctions, "Namespace").attrs.resid)).toBe("ITOS");
  });
});

describe("URLs and files", () => {
  const allUrls = [
    ...images.values(),
    ...urls.values(),
    ...["IconUrl", "HighResolutionIconUrl", "SupportUrl"].map(
      (n) => at(manifest, n).attrs.DefaultValue
    ),
    at(manifest, "DefaultSettings", "SourceLocation").attrs.DefaultValue,
  ];

  test("every URL is https on the dev server's port (package.json config.dev_server_port)", () => {
    for (const url of allUrls) {
      const parsed = new URL(url);
      expect({ url, protocol: parsed.protocol, host: parsed.hostname, port: parsed.port }).toEqual({
        url,
        protocol: "https:",
        host: "localhost",
        port: DEV_PORT,
      });
    }
  });

  test("the pages and scripts the manifest names are what the build produces", async () => {
    const makeConfig = require(path.join(ROOT, "webpack.config.js"));
    const config = await makeConfig({}, { mode: "production" });
    const produced = new Set<string>(Object.keys(config.entry).map((name) => `${name}.js`));
    for (const plugin of config.plugins) {
      if (plugin.userOptions?.filename) produced.add(plugin.userOptions.filename);
      if (plugin.options?.output) produced.add(plugin.options.output);
    }
    expect(config.devServer.port).toBe(Number(DEV_PORT));
    const pages = [...urls.values()].map((u) => new URL(u).pathname.slice(1));
    expect(pages.filter((p) => !produced.has(p))).toEqual([]);
    expect([...produced]).toEqual(
      expect.arrayContaining([
        "taskpane.html",
        "taskpane.js",
        "commands.js",
        "functions.js",
        "functions.json",
      ])
    );
  });

  /** Width and height from a PNG's IHDR chunk. */
  function pngSize(file: string): { width: number; height: number } {
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
    expect(bytes.subarray(12, 16).toString("ascii")).toBe("IHDR");
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  }

  test("every icon exists in assets/ as a PNG of the declared size", () => {
    const declared: { url: string; size: number }[] = [
      { url: at(manifest, "IconUrl").attrs.DefaultValue, size: 32 },
      { url: at(manifest, "HighResolutionIconUrl").attrs.DefaultValue, size: 64 },
      ...findAll(host, (e) => e.name === "Image").map((e) => ({
        url: images.get(e.attrs.resid) as string,
        size: Number(e.attrs.size),
      })),
    ];
    expect(declared.length).toBeGreaterThan(10);
    for (const { url, size } of declared) {
      const relative = new URL(url).pathname.slice(1);
      expect(relative).toMatch(/^assets\/[\w-]+\.png$/);
      const file = path.join(ROOT, relative);
      expect({ url, exists: fs.existsSync(file) }).toEqual({ url, exists: true });
      expect({ url, ...pngSize(file) }).toEqual({ url, width: size, height: size });
    }
  });
});

describe("ribbon commands", () => {
  /** Names the commands code registers with Office.actions.associate("name", handler). */
  function associatedNames(): string[] {
    const dir = path.join(ROOT, "src", "commands");
    const sources = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith(".ts"))
      .map((f) => fs.readFileSync(path.join(dir, f), "utf8"));
    return sources.flatMap((s) =>
      [...s.matchAll(/Office\.actions\.associate\(\s*["'`]([^"'`]+)["'`]/g)].map((m) => m[1])
    );
  }

  test("the ribbon has Show ITOS, Analyse sheet, Analyse all sheets and Reconcile totals in an ITOS Payback group on Home", () => {
    const group = at(host, "DesktopFormFactor", "ExtensionPoint", "OfficeTab", "Group");
    expect(shortStrings.get(at(group, "Label").attrs.resid)).toBe("ITOS Payback");
    const labels = group.children
      .filter((c) => c.name === "Control")
      .map((c) => shortStrings.get(at(c, "Label").attrs.resid));
    expect(labels).toEqual([
      "Show ITOS",
      "Analyse sheet",
      "Analyse all sheets",
      "Reconcile totals",
    ]);
  });

  test("every ExecuteFunction names a function the commands code associates", () => {
    const executed = findAll(
      host,
      (e) => e.name === "Action" && e.attrs["xsi:type"] === "ExecuteFunction"
    ).map((a) => at(a, "FunctionName").text);
    expect(executed.sort()).toEqual(["analyseAllSheets", "analyseSheet", "reconcileTotals"]);
    const associated = associatedNames();
    expect(executed.filter((name) => !associated.includes(name))).toEqual([]);
  });
});
