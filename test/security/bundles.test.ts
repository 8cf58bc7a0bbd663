/**
 * What ships: the built bundles run no code from strings, talk to no server, and the task pane
 * page loads nothing but our own files and Office.js from Microsoft's CDN.
 */
import * as fs from "fs";
import * as path from "path";
import { distFiles, readDist } from "./dist";

/** Where the manifest says the add-in's own pages are served from (its SourceLocation and URLs). */
function manifestOrigins(): string[] {
  const xml = fs.readFileSync(path.resolve(__dirname, "../../manifest.xml"), "utf8");
  return [...xml.matchAll(/DefaultValue="(https:\/\/[^"/]+)/g)].map((m) => m[1].toLowerCase());
}

const OFFICE_JS_ORIGIN = "https://appsforoffice.microsoft.com";
/** Office.js's CDN, and the add-in's own origin (a dialog page is opened by absolute URL). */
const ALLOWED_ORIGINS = new Set([OFFICE_JS_ORIGIN, ...manifestOrigins()]);
/**
 * URIs that are identifiers, not requests: XML namespaces in code that builds SVG/XML, and
 * schema ids. They name a namespace; nothing is fetched from them.
 */
const NAMESPACE_ORIGINS = new Set(["http://www.w3.org", "https://www.w3.org"]);

function stripJsComments(code: string): string {
  // Block comments (licence banners) and line comments that start a line; minified code keeps none
  // inside strings that matter here, so this is enough for an audit of URLs.
  return code.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
}

function urlsIn(text: string): string[] {
  return [...text.matchAll(/\bhttps?:\/\/[^\s"'`)<>\\]+/g)].map((m) => m[0].replace(/[;,.]+$/, ""));
}

/** An HTML attribute value, quoted or not (the built page is minified and drops quotes). */
const ATTR_VALUE = String.raw`(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))`;

function attrValue(m: RegExpMatchArray, first: number): string {
  return m[first] ?? m[first + 1] ?? m[first + 2] ?? "";
}

function originOf(url: string): string {
  const m = /^(https?:\/\/[^/?#]+)/.exec(url);
  return m ? m[1].toLowerCase() : url;
}

const CODE_FROM_STRINGS = /(?:^|[^\w$.])eval\s*\(|\bnew\s+Function\s*\(/g;
const REQUEST_APIS =
  /\bfetch\s*\(|\bXMLHttpRequest\b|\bWebSocket\b|\bsendBeacon\b|\bEventSource\b/g;

function foreignOrigins(text: string): string[] {
  return urlsIn(text).filter(
    (u) => !ALLOWED_ORIGINS.has(originOf(u)) && !NAMESPACE_ORIGINS.has(originOf(u))
  );
}

describe("the bundle checks themselves", () => {
  it("catch planted offenders and pass clean code", () => {
    expect(stripJsComments('var a=eval("1+1");').match(CODE_FROM_STRINGS)).not.toBeNull();
    expect(
      stripJsComments('var g=new Function("return this")();').match(CODE_FROM_STRINGS)
    ).not.toBeNull();
    expect(
      "x.retrieval(1);o.evaluate(2);/* eval(3) */"
        .replace(/\/\*[\s\S]*?\*\//g, "")
        .match(CODE_FROM_STRINGS)
    ).toBeNull();
    expect('fetch("/x")'.match(REQUEST_APIS)).not.toBeNull();
    expect(
      foreignOrigins(
        's="https://evil.example/x.js";n="http://www.w3.org/2000/svg";o="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"'
      )
    ).toEqual(["https://evil.example/x.js"]);
  });
});

describe("built bundles (dist/*.js)", () => {
  const bundles = () => distFiles(".js");

  it("include the task pane and functions bundles", () => {
    const names = bundles().map((f) => path.basename(f));
    expect(names).toEqual(expect.arrayContaining(["taskpane.js", "functions.js"]));
  });

  it("contain no eval( and no new Function(", () => {
    const offenders: string[] = [];
    for (const file of bundles()) {
      const code = stripJsComments(readDist(file));
      for (const m of code.matchAll(CODE_FROM_STRINGS)) {
        offenders.push(
          `${path.basename(file)}: ...${code.slice(Math.max(0, m.index! - 40), m.index! + 40)}...`
        );
      }
    }
    expect(offenders).toEqual([]);
  });

  it("make no network requests of their own (no fetch, XMLHttpRequest, WebSocket, sendBeacon, EventSource)", () => {
    const offenders: string[] = [];
    for (const file of bundles()) {
      const code = stripJsComments(readDist(file));
      for (const m of code.matchAll(REQUEST_APIS)) {
        offenders.push(
          `${path.basename(file)}: ${m[0]} in ...${code.slice(Math.max(0, m.index! - 40), m.index! + 40)}...`
        );
      }
    }
    expect(offenders).toEqual([]);
  });

  it("name no network origin except Office.js's and the add-in's own", () => {
    const found = new Map<string, string>();
    for (const file of bundles()) {
      for (const url of foreignOrigins(stripJsComments(readDist(file))))
        found.set(url, path.basename(file));
    }
    expect([...found.entries()].map(([url, file]) => `${file}: ${url}`)).toEqual([]);
  });
});

describe("built task pane page (dist/taskpane.html)", () => {
  const page = () => {
    const file = distFiles(".html").find((f) => path.basename(f) === "taskpane.html");
    if (!file) throw new Error("dist/taskpane.html not found: run npm run build first.");
    return readDist(file);
  };

  it("loads scripts only from itself and Office.js's CDN", () => {
    const html = page();
    const sources = [
      ...html.matchAll(new RegExp(String.raw`<script\b[^>]*\bsrc\s*=\s*${ATTR_VALUE}`, "gi")),
    ].map((m) => attrValue(m, 1));
    expect(sources.length).toBeGreaterThan(0);
    const remote = sources.filter((s) => /^(https?:)?\/\//i.test(s)).map(originOf);
    expect(remote).toEqual([OFFICE_JS_ORIGIN]);
    expect(sources.some((s) => s.startsWith("https://appsforoffice.microsoft.com/"))).toBe(true);
  });

  it("names no other network origin anywhere in the page", () => {
    const html = page().replace(/<!--[\s\S]*?-->/g, "");
    expect(foreignOrigins(html)).toEqual([]);
  });

  it("has a Content-Security-Policy without unsafe-inline or unsafe-eval scripts", () => {
    const html = page();
    const meta = new RegExp(
      String.raw`<meta\s+http-equiv\s*=\s*["']?Content-Security-Policy["']?\s+content\s*=\s*${ATTR_VALUE}`,
      "i"
    ).exec(html);
    const csp = meta ? attrValue(meta, 1) : undefined;
    expect(csp).toBeDefined();
    const directives = Object.fromEntries(
      csp!
        .split(";")
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map(([name, ...values]) => [name, values])
    );
    const scriptSrc: string[] = directives["script-src"] ?? directives["default-src"];
    expect(scriptSrc).toBeDefined();
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    expect(
      scriptSrc
        .filter((s) => /^https?:/.test(s))
        .map(originOf)
        .every((o) => ALLOWED_ORIGINS.has(o))
    ).toBe(true);
    const connect: string[] = directives["connect-src"] ?? directives["default-src"];
    expect(connect.filter((s) => /^https?:|^\*$|^wss?:/.test(s))).toEqual([]);
  });
});
