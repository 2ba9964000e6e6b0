// trunk post_build hook, run on trunk's staging directory:
// 1. writes the stable-named loader `herald.js` next to the content-hashed
//    files trunk produced, from the template src/loader.js;
// 2. in release builds, minifies the wasm-bindgen module and the loader with
//    esbuild (trunk 0.21's own JavaScript minifier rejects wasm-bindgen's
//    output). The minified module gets a name hashed from its own content
//    (a CDN caches it for ever, so one name must never have two contents),
//    and index.html its new name and Subresource Integrity hash.
// 3. in release builds, gives the WebAssembly's imports short names, in the
//    wasm file and in the module that provides them alike. wasm-bindgen names
//    each import after its function and a 16-digit hash; 200 such names,
//    twice, are about 5 KB of the brotli download, since hashes do not
//    compress. The wasm file too is then named after its new content.
// 4. in release builds, drops the exports of wasm-streams (a dependency of
//    leptos' server functions, which Herald does not use): its classes are
//    exported for JavaScript, so the linker keeps them and everything they
//    call, although nothing calls them (1.5 KB of the brotli download);
//    and from the module, wasm-bindgen's `initSync` and a warning the
//    loader cannot cause (see `withoutInitSync`).
// 5. in release builds, runs wasm-opt again: trunk runs one -Oz pass;
//    flattening and re-looping the control flow between more -Oz passes
//    finds more, in three orders of which the smallest is kept (see
//    `converge`).
import { createHash } from "node:crypto";
import { execFile } from "node:child_process";
import { brotliCompressSync, constants as zlibConstants } from "node:zlib";
import { createRequire } from "node:module";
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
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
let wasm = find(/^herald-[0-9a-f]+_bg\.wasm$/, "wasm file");
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
const contentName = (bytes, suffix) => `herald-${createHash("sha256").update(bytes).digest("hex").slice(0, 16)}${suffix}`;

// LEB128 numbers of the WebAssembly binary format: read at `at` (the value
// and where it ends), and written.
function readUleb(bytes, at) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

function encode(n) {
  const out = [];
  do {
    let byte = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) byte |= 0x80;
    out.push(byte);
  } while (n > 0);
  return Buffer.from(out);
}

// The import section of a WebAssembly module, with its imports' field names
// replaced: `rename(field)` gives the new name. Everything else is copied.
function renameImports(bytes, rename) {
  let at = 8;
  const uleb = () => {
    const [value, next] = readUleb(bytes, at);
    at = next;
    return value;
  };
  const name = (text) => {
    const b = Buffer.from(text, "utf8");
    return Buffer.concat([encode(b.length), b]);
  };
  const limits = () => {
    const flags = bytes[at++];
    uleb();
    if (flags & 1) uleb();
  };
  const parts = [bytes.subarray(0, 8)];
  let found = false;
  while (at < bytes.length) {
    const start = at;
    const id = bytes[at++];
    const size = uleb();
    const end = at + size;
    if (id !== 2) {
      parts.push(bytes.subarray(start, end));
      at = end;
      continue;
    }
    found = true;
    const count = uleb();
    const entries = [encode(count)];
    for (let k = 0; k < count; k++) {
      const moduleLength = uleb();
      const module = bytes.subarray(at, at + moduleLength).toString("utf8");
      at += moduleLength;
      const fieldLength = uleb();
      const field = bytes.subarray(at, at + fieldLength).toString("utf8");
      at += fieldLength;
      const descriptor = at;
      const kind = bytes[at++];
      if (kind === 0) uleb();
      else if (kind === 1) (at++, limits());
      else if (kind === 2) limits();
      else if (kind === 3) at += 2;
      else if (kind === 4) (at++, uleb());
      else fail(`wasm import ${module}.${field}: unknown kind ${kind}`);
      entries.push(name(module), name(rename(field)), bytes.subarray(descriptor, at));
    }
    if (at !== end) fail("wasm import section: its entries do not add up to its size");
    const body = Buffer.concat(entries);
    parts.push(Buffer.from([2]), encode(body.length), body);
  }
  if (!found) fail("the wasm file has no import section");
  return Buffer.concat(parts);
}

/** The module without the exports whose names start with one of `prefixes`,
 * the others renamed by `rename(name)`. */
function rewriteExports(bytes, prefixes, rename) {
  let at = 8;
  const uleb = () => {
    const [value, next] = readUleb(bytes, at);
    at = next;
    return value;
  };
  const parts = [bytes.subarray(0, 8)];
  let dropped = 0;
  while (at < bytes.length) {
    const start = at;
    const id = bytes[at++];
    const size = uleb();
    const end = at + size;
    if (id !== 7) {
      parts.push(bytes.subarray(start, end));
      at = end;
      continue;
    }
    const count = uleb();
    const kept = [];
    for (let k = 0; k < count; k++) {
      const length = uleb();
      const name = bytes.subarray(at, at + length).toString("utf8");
      at += length;
      const descriptor = at;
      at++;
      uleb();
      if (prefixes.some((p) => name.startsWith(p))) dropped++;
      else {
        const renamed = Buffer.from(rename(name), "utf8");
        kept.push(Buffer.concat([encode(renamed.length), renamed, bytes.subarray(descriptor, at)]));
      }
    }
    if (at !== end) fail("wasm export section: its entries do not add up to its size");
    const body = Buffer.concat([encode(kept.length), ...kept]);
    parts.push(Buffer.from([7]), encode(body.length), body);
  }
  if (dropped === 0) fail(`no export starts with ${prefixes.join(" or ")}: update post-build.mjs`);
  return Buffer.concat(parts);
}

/** `text` without the block that starts with `head` (up to its closing brace). */
function withoutBlock(text, head) {
  const start = text.indexOf(head);
  if (start < 0) fail(`\`${head}\` not found in the module: update post-build.mjs`);
  let at = text.indexOf("{", start) + 1;
  // (Braces in strings would miscount: the blocks removed have none.)
  for (let depth = 1; depth > 0; at++) {
    if (at >= text.length) fail(`the end of \`${head}\` not found: update post-build.mjs`);
    depth += text[at] === "{" ? 1 : text[at] === "}" ? -1 : 0;
  }
  return text.slice(0, start) + text.slice(at);
}

/**
 * wasm-bindgen's `initSync` (compiles the module on the main thread), and
 * the warning its `init` gives for an older way to call it: the loader
 * never calls the one and always calls the other the current way, with a
 * URL. Its warning for a server that sends the wasm file with another
 * type, said in fewer words.
 */
function withoutInitSync(text) {
  const replace = (before, after, what) => {
    if (!text.includes(before)) fail(`${what} not found in the module: update post-build.mjs`);
    text = text.replace(before, after);
  };
  replace("export { initSync, __wbg_init as default };", "export { __wbg_init as default };", "initSync's export");
  replace("console.warn('using deprecated parameters for the initialization function; pass a single object instead')", "", "init's warning");
  replace(
    "\"`WebAssembly.instantiateStreaming` failed because your server does not serve Wasm with `application/wasm` MIME type. Falling back to `WebAssembly.instantiate` which is slower. Original error:\\n\"",
    "\"[herald] the server sends the wasm file without `Content-Type: application/wasm`, so it loads more slowly:\"",
    "the warning for a wasm file's type",
  );
  // The loader always passes the wasm file's URL, so `init` always has a
  // `Response` to instantiate: the branch for a module or bytes goes.
  text = withoutBlock(text, "else {\n        const instance = await WebAssembly.instantiate(module, imports);");
  return withoutBlock(text, "function initSync(module) {");
}

/** The module without the JavaScript classes `names` (wasm-streams', whose
 * exports are dropped from the wasm file): each class, its dispose line and
 * its finalization registry. */
function withoutClasses(text, names) {
  for (const name of names) {
    text = withoutBlock(text, `export class ${name} {`);
    const dispose = new RegExp(`^if \\(Symbol\\.dispose\\) ${name}\\.prototype.*$`, "m");
    const registry = new RegExp(`^const ${name}Finalization = [^;]*;$`, "m");
    if (!dispose.test(text) || !registry.test(text)) fail(`${name}'s dispose line or registry not found: update post-build.mjs`);
    text = text.replace(dispose, "").replace(registry, "");
  }
  return text;
}

/**
 * wasm-opt's further passes, with the features trunk's pass enables.
 * Flattening and re-looping the control flow, twice, with -Oz passes
 * between, lets it find more than -Oz alone (1.1 KB of the brotli
 * download, measured against `-Oz --converge`). How much more depends on
 * the exact order of the passes, by a few hundred bytes either way and
 * differently for each version of the code (measured on four successive
 * builds: no one order was the smallest on all of them). So three orders
 * run side by side and the smallest brotli-compressed result is kept: the
 * three are equally correct, and the build takes about 15 s longer.
 */
async function converge(bytes) {
  const dir = mkdtempSync(join(tmpdir(), "herald-wasm-opt-"));
  try {
    const input = join(dir, "in.wasm");
    writeFileSync(input, bytes);
    const features = ["bulk-memory", "nontrapping-float-to-int", "sign-ext", "mutable-globals", "reference-types", "multivalue"];
    const wasmOpt = join(source, "e2e", "node_modules", ".bin", "wasm-opt");
    const relooped = ["--flatten", "--rereloop"];
    const orders = [
      [...relooped, "-Oz", "-Oz", ...relooped, "-Oz", "-Oz", "-Oz", "-Oz"],
      [...relooped, "-Oz", "-Oz", ...relooped, "-Oz", "-Oz", "-Oz"],
      [...relooped, "-Oz", ...relooped, "-Oz", "-Oz", "-Oz"],
    ];
    const outputs = await Promise.all(
      orders.map((passes, i) => {
        const output = join(dir, `out${i}.wasm`);
        const args = [...passes, "--strip-producers", "--strip-target-features", ...features.map((f) => `--enable-${f}`), input, "-o", output];
        return new Promise((done, failed) => {
          execFile(wasmOpt, args, { maxBuffer: 1 << 26 }, (error, _out, stderr) => {
            if (error) failed(new Error(`wasm-opt ${passes.join(" ")}: ${stderr || error.message}`));
            else done(readFileSync(output));
          });
        });
      }),
    );
    const sizes = outputs.map((b) => brotliCompressSync(b, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }).length);
    const best = sizes.indexOf(Math.min(...sizes));
    console.log(`post-build: wasm-opt orders give ${sizes.join(", ")} bytes brotli; kept #${best + 1}`);
    return outputs[best];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (release) {
  const htmlPath = join(staging, "index.html");
  let html = readFileSync(htmlPath, "utf8");
  const replaceIn = (text, before, after, what) => {
    if (!text.includes(before)) fail(`${what} not found`);
    return text.replaceAll(before, after);
  };

  // Short import names: `_0`, `_1`, … in the order of the import section,
  // then the closure shims' exports.
  const wasmBytes = readFileSync(join(staging, wasm));
  const renames = new Map();
  const shortened = await converge(
    rewriteExports(
      renameImports(wasmBytes, (field) => {
        if (!renames.has(field)) renames.set(field, `_${renames.size.toString(36)}`);
        return renames.get(field);
      }),
      ["intounderlying", "__wbg_intounderlying"],
      (name) => {
        if (!name.startsWith("wasm_bindgen_")) return name;
        if (!renames.has(name)) renames.set(name, `_${renames.size.toString(36)}`);
        return renames.get(name);
      },
    ),
  );
  const original = readFileSync(join(staging, js), "utf8");
  const identifier = /[A-Za-z_$][\w$]*/g;
  let provided = 0;
  const module = original.replace(identifier, (word) => {
    const short = renames.get(word);
    if (short === undefined) return word;
    provided++;
    return short;
  });
  if (provided < renames.size) fail(`the module names ${provided} of the wasm file's ${renames.size} imports and renamed exports`);
  const wasmRenamed = contentName(shortened, "_bg.wasm");
  writeFileSync(join(staging, wasmRenamed), shortened);
  if (wasmRenamed !== wasm) rmSync(join(staging, wasm));
  if (/integrity=/.test(html)) html = replaceIn(html, sri(wasmBytes), sri(shortened), `the integrity hash of ${wasm} in index.html`);
  html = replaceIn(html, wasm, wasmRenamed, `${wasm} in index.html`);
  wasm = wasmRenamed;

  const minified = minify(withoutInitSync(withoutClasses(module, ["IntoUnderlyingByteSource", "IntoUnderlyingSink", "IntoUnderlyingSource"])), js);
  const renamed = contentName(minified, ".js");
  writeFileSync(join(staging, js), minified);
  renameSync(join(staging, js), join(staging, renamed));
  if (/integrity=/.test(html)) html = replaceIn(html, sri(original), sri(minified), `the integrity hash of ${js} in index.html`);
  html = replaceIn(html, js, renamed, `${js} in index.html`);
  writeFileSync(htmlPath, html);
  js = renamed;
}

const template = readFileSync(join(source, "src", "loader.js"), "utf8");
const loader = template
  .replaceAll("__HERALD_JS__", js)
  .replaceAll("__HERALD_WASM__", wasm)
  .replaceAll("__HERALD_CSS__", css);
writeFileSync(join(staging, "herald.js"), release ? minify(loader, "herald.js") : loader);
console.log(`post-build: herald.js -> ${js}, ${wasm}, ${css}${release ? " (minified)" : ""}`);
