// Bundles src/ into dist/widget.js: one file for pages to load, styles included.
import { build } from "esbuild";

await build({
  entryPoints: ["src/index.js"],
  outfile: "dist/widget.js",
  bundle: true,
  minify: true,
  sourcemap: false,
  format: "iife",
  target: ["es2020"],
  loader: { ".css": "text" },
  legalComments: "eof",
  logLevel: "info",
});
