/**
 * Builds the add-in into dist/: one page (taskpane.html) that loads the task pane, the ribbon
 * commands and the custom functions, because the manifest puts all three in one shared runtime.
 * So there is no separate commands.html or functions.html: the manifest's FunctionFile and the
 * custom functions' Page both point at taskpane.html.
 *
 *   dist/taskpane.html  dist/taskpane.js  dist/commands.js  dist/functions.js
 *   dist/functions.json (generated from the JSDoc in src/functions/functions.ts)
 *   dist/manifest.xml   dist/assets/*.png
 *
 * Bundles carry no Node-only library: webpack 5 does not polyfill Node's core modules, so an
 * import of fs (or of exceljs, which needs it) fails the build instead of shipping.
 */
const fs = require("fs");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const packageJson = require("./package.json");

const DEV_SERVER_PORT = Number(packageJson.config.dev_server_port);

const ENTRIES = {
  taskpane: "./src/taskpane/index.ts",
  commands: "./src/commands/commands.ts",
  functions: "./src/functions/functions.ts",
};

/**
 * https options with the Office dev certificate, or null to let the dev server make a self-signed
 * one. On Windows and macOS the certificate is created and trusted on first use. On Linux that
 * step runs sudo, so there the certificate is used only if `npx office-addin-dev-certs install`
 * has already made it.
 */
async function devCertificateOptions() {
  try {
    const devCerts = require("office-addin-dev-certs");
    if (process.platform === "win32" || process.platform === "darwin")
      return await devCerts.getHttpsServerOptions();
    const dir = require("office-addin-dev-certs/lib/defaults").certificateDirectory;
    const read = (name) => fs.readFileSync(path.join(dir, name));
    return { ca: read("ca.crt"), cert: read("localhost.crt"), key: read("localhost.key") };
  } catch (error) {
    console.warn(
      `Office dev certificate unavailable (${error.message.split("\n")[0]}); serving with a self-signed certificate.`
    );
    return null;
  }
}

/** Only `webpack serve` needs a certificate; plain builds never touch the certificate store. */
async function devServer() {
  const certificate = process.env.WEBPACK_SERVE ? await devCertificateOptions() : null;
  return {
    port: DEV_SERVER_PORT,
    server: certificate ? { type: "https", options: certificate } : { type: "https" },
    headers: { "Access-Control-Allow-Origin": "*" },
    static: false,
    hot: false,
    client: { overlay: { warnings: false } },
  };
}

module.exports = async (env, argv) => {
  const mode = argv && argv.mode === "development" ? "development" : "production";
  return {
    mode,
    target: ["web", "es2020"],
    // Never an eval-based source map: the task pane page forbids eval in its content security policy.
    devtool: "source-map",
    entry: ENTRIES,
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      // dist/ also holds the compiled `itos` command (npm run build:cli): keep it.
      clean: { keep: /^(cli|engine|sheet|grid|file)[\\/]/ },
      // Write every file on every build, so dist/'s times say when it was built (the browser
      // test refuses to run a pane built before its sources changed).
      compareBeforeEmit: false,
    },
    resolve: {
      extensions: [".ts", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // Type checking is `npm run typecheck`; ES modules here let webpack drop unused exports.
            options: {
              transpileOnly: true,
              compilerOptions: { module: "es2020", sourceMap: true },
            },
          },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Shared runtime: this one page hosts the pane, the ribbon commands and the functions.
        chunks: ["taskpane", "commands", "functions"],
        scriptLoading: "defer",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml" },
          // The pane's stylesheet is a file of its own: the page's CSP allows no inline style.
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
        ],
      }),
    ],
    optimization: {
      // The three entries load on one page, so the engine and decimal.js they share are sent
      // once, in shared.js, rather than three times.
      splitChunks: { chunks: "all", name: "shared", minSize: 0 },
    },
    performance: {
      hints: "warning",
      maxAssetSize: 600 * 1024,
      maxEntrypointSize: 600 * 1024,
    },
    devServer: await devServer(),
  };
};

module.exports.ENTRIES = ENTRIES;
module.exports.DEV_SERVER_PORT = DEV_SERVER_PORT;
