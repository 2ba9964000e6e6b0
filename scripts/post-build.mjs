// trunk post_build hook, run on trunk's staging directory:
// 1. writes the stable-named loader `herald.js` next to the content-hashed
//    files trunk produced, from the template src/loader.js;
// 2. in release builds, minifies the wasm-bindgen module and the loader with
//    esbuild (trunk 0.21's own JavaScript minifier rejects wasm-bindgen's
//    output). The minified module gets a name hashed from its own content
//    (a CDN caches it for ever, so one name must never have two contents),
//    and index.html its new name and Subresource Integrity hash.
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const fail = (message) => {
  console.error(`post-build: ${message}`);
  process.exit(1);
};
const staging = process.env.TRUNK_STAGING_DIR;
const source = process.env.TRUNK_SOURCE_DIR ?? ".";
const release = process.env.TRUNK_PROFILE === "release";
if (!staging) fail("TRUNK_STAGING_DIR is not set (run it from trunk)");

const files = readdirSync(staging);
const find = (pattern, what) => {
  const hits = files.filter((f) => pattern.test(f));
  if (hits.length !== 1) fail(`expected one ${what} in ${staging}, found ${hits.length}: ${hits.join(", ")}`);
  return hits[0];
};
let js = find(/^herald-[0-9a-f]+\.js$/, "module");
const wasm = find(/^herald-[0-9a-f]+_bg\.wasm$/, "wasm file");
const css = find(/^herald-[0-9a-f]+\.css$/, "stylesheet");

// esbuild comes with the npm packages scripts/setup installs (e2e/).
const esbuild = release ? createRequire(join(source, "e2e", "package.json"))("esbuild") : null;
const minify = (code, file) => {
  try {
    return esbuild.transformSync(code, { format: "esm", minify: true, target: "es2022", sourcefile: file }).code;
  } catch (e) {
    fail(`minifying ${file}: ${e.message}`);
  }
};
const sri = (text) => `sha384-${createHash("sha384").update(text).digest("base64")}`;

if (release) {
  const original = readFileSync(join(staging, js), "utf8");
  const minified = minify(original, js);
  const renamed = `herald-${createHash("sha256").update(minified).digest("hex").slice(0, 16)}.js`;
  writeFileSync(join(staging, js), minified);
  renameSync(join(staging, js), join(staging, renamed));
  const htmlPath = join(staging, "index.html");
  const html = readFileSync(htmlPath, "utf8");
  const before = sri(original);
  if (/integrity=/.test(html) && html.includes(js) && !html.includes(before)) {
    fail(`index.html references ${js} with an integrity hash that is not the module's`);
  }
  writeFileSync(htmlPath, html.replaceAll(before, sri(minified)).replaceAll(js, renamed));
  js = renamed;
}

const template = readFileSync(join(source, "src", "loader.js"), "utf8");
const loader = template
  .replaceAll("__HERALD_JS__", js)
  .replaceAll("__HERALD_WASM__", wasm)
  .replaceAll("__HERALD_CSS__", css);
writeFileSync(join(staging, "herald.js"), release ? minify(loader, "herald.js") : loader);
console.log(`post-build: herald.js -> ${js}, ${wasm}, ${css}${release ? " (minified)" : ""}`);
