// trunk post_build hook: writes the stable-named loader `herald.js` next to
// the content-hashed files trunk produced, from the template src/loader.js.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const staging = process.env.TRUNK_STAGING_DIR;
const source = process.env.TRUNK_SOURCE_DIR ?? ".";
if (!staging) {
  console.error("write-loader: TRUNK_STAGING_DIR is not set (run it from trunk)");
  process.exit(1);
}
const files = readdirSync(staging);
const find = (pattern, what) => {
  const hits = files.filter((f) => pattern.test(f));
  if (hits.length !== 1) {
    console.error(`write-loader: expected one ${what} in ${staging}, found ${hits.length}: ${hits.join(", ")}`);
    process.exit(1);
  }
  return hits[0];
};
const js = find(/^herald-[0-9a-f]+\.js$/, "module");
const wasm = find(/^herald-[0-9a-f]+_bg\.wasm$/, "wasm file");
const css = find(/^herald-[0-9a-f]+\.css$/, "stylesheet");
const template = readFileSync(join(source, "src", "loader.js"), "utf8");
const loader = template
  .replaceAll("__HERALD_JS__", js)
  .replaceAll("__HERALD_WASM__", wasm)
  .replaceAll("__HERALD_CSS__", css);
writeFileSync(join(staging, "herald.js"), loader);
console.log(`write-loader: herald.js -> ${js}, ${wasm}, ${css}`);
