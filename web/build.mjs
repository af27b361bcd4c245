// Bundles the browser code into web/dist: the chat widget (src/index.js, one
// file for pages to load, styles included) and the review console's
// dashboard (src/dashboard.js with Chart.js), each one self-contained file.
import { build } from "esbuild";

const common = {
  bundle: true,
  minify: true,
  sourcemap: false,
  format: "iife",
  target: ["es2020"],
  legalComments: "eof",
  logLevel: "info",
};

await build({ ...common, entryPoints: ["src/index.js"], outfile: "dist/widget.js", loader: { ".css": "text" } });
await build({ ...common, entryPoints: ["src/dashboard.js"], outfile: "dist/dashboard.js" });
