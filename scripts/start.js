#!/usr/bin/env node
/**
 * `npm start`: sideloads the add-in into desktop Excel with office-addin-debugging where desktop
 * Excel can exist (Windows, macOS). Elsewhere (Linux) there is no desktop Excel, so it prints how
 * to load the add-in into Excel on the web against the local dev server instead.
 *
 *   npm start            desktop Excel (Windows/macOS); instructions for the web elsewhere
 *   npm start -- --web   instructions for Excel on the web on any platform
 */
const { spawn } = require("child_process");
const path = require("path");
const packageJson = require("../package.json");

const ROOT = path.join(__dirname, "..");
const MANIFEST = path.join(ROOT, "manifest.xml");
const PORT = packageJson.config.dev_server_port;

function hasDesktopExcel() {
  return process.platform === "win32" || process.platform === "darwin";
}

function sideloadIntoDesktopExcel() {
  // Run the tool through node: it works whether or not npm marked the bin script executable.
  const cli = require.resolve("office-addin-debugging/cli.js");
  const args = [
    cli,
    "start",
    MANIFEST,
    "desktop",
    "--app",
    packageJson.config.app_to_debug || "excel",
    "--dev-server",
    "npm run dev-server",
    "--dev-server-port",
    String(PORT),
  ];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: "inherit" });
  child.on("exit", (code) => process.exit(code ?? 1));
}

function printWebInstructions() {
  const reason = hasDesktopExcel() ? "" : ` (no desktop Excel on ${process.platform})`;
  console.log(`ITOS Payback: sideload into Excel on the web${reason}.

1. In this folder, start the dev server and leave it running:
       npm run dev-server
   It serves the add-in at https://localhost:${PORT}. Open https://localhost:${PORT}/taskpane.html
   once in the same browser and accept the certificate if the browser warns about it
   (on Windows/macOS, npx office-addin-dev-certs install trusts it for you).

2. Open a workbook in Excel on the web (https://www.office.com > Excel), for instance
   test/fixtures/sandwell-invest-to-save.xlsx uploaded to OneDrive.

3. Choose Home > Add-ins > More Add-ins (or Insert > Add-ins), then My Add-ins >
   Upload My Add-in, browse to
       ${MANIFEST}
   and choose Upload.

4. The ITOS Payback group appears on the Home tab: Show ITOS, Analyse sheet, Reconcile totals.
   Type =ITOS.PAYBACK( in a cell to use the functions.

To remove it, reload the page: an uploaded add-in lasts for the browser session.
More detail: docs/sideload.md`);
}

if (hasDesktopExcel() && !process.argv.includes("--web")) sideloadIntoDesktopExcel();
else printWebInstructions();
