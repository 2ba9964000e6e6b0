// A static server for the built site, as a CDN or static host would serve
// it: files with their types, content-hashed assets cached for ever, the
// SPA fallback to index.html for routes (paths without a file extension),
// real 404s for missing files, optional brotli, and an optional
// Content-Security-Policy header.
//
//   node e2e/server.mjs [--root dist] [--port 4173] [--base /] [--csp "…"] [--compress]
//
// A file `x.json.headers` next to `x.json` holds extra response headers for
// it as JSON (the sample site's WordPress copy uses it for X-WP-Total).
//
// Used by the end-to-end tests and the benchmark; `start()` is importable.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

const HASHED = /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$/;

export function cacheControl(path) {
  if (HASHED.test(path)) return "public, max-age=31536000, immutable";
  if (path.endsWith(".html") || path.endsWith("/herald.js")) return "no-cache";
  return "public, max-age=300";
}

/** Starts a server; resolves to { url, close }. */
export async function start({ root = "dist", port = 0, base = "/", csp = null, compress = false } = {}) {
  root = resolve(root);
  base = "/" + base.replace(/^\/+|\/+$/g, "") + "/";
  base = base.replace("//", "/");
  const cache = new Map();
  const compressed = new WeakMap();
  const brotli = (body) => {
    if (!compressed.has(body)) {
      compressed.set(body, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
    }
    return compressed.get(body);
  };

  async function load(file) {
    if (!cache.has(file)) cache.set(file, await readFile(file));
    return cache.get(file);
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://x");
    let path = decodeURIComponent(url.pathname);
    const send = (status, body, type, extra = {}) => {
      const headers = { "content-type": type, "cache-control": extra.cache ?? "no-cache", ...extra.headers };
      if (csp && type.startsWith("text/html")) headers["content-security-policy"] = csp;
      let out = body;
      if (compress && /text|json|javascript|wasm|svg/.test(type) && /\bbr\b/.test(req.headers["accept-encoding"] ?? "")) {
        out = brotli(body);
        headers["content-encoding"] = "br";
      }
      headers["content-length"] = out.length;
      res.writeHead(status, headers);
      res.end(req.method === "HEAD" ? undefined : out);
    };
    // Test endpoint: a body of N bytes streamed without a Content-Length,
    // as a feed of unknown size would be.
    const stream = path.match(/^\/__stream\/(\d+)$/);
    if (stream) {
      let left = Number(stream[1]);
      res.writeHead(200, { "content-type": "application/json" });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (left > 0) {
          const n = Math.min(left, chunk.length);
          left -= n;
          if (!res.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return res.once("drain", pump);
        }
        res.end();
      };
      res.on("close", () => (left = 0));
      return pump();
    }
    if (!path.startsWith(base) && path + "/" !== base) {
      return send(404, Buffer.from("not under the base path\n"), TYPES[".txt"]);
    }
    const rel = path.slice(base.length);
    const file = normalize(join(root, rel));
    if (!file.startsWith(root)) return send(403, Buffer.from("forbidden\n"), TYPES[".txt"]);
    try {
      const s = await stat(file);
      const target = s.isDirectory() ? join(file, "index.html") : file;
      const body = await load(target);
      // A sidecar `file.headers` (JSON) adds response headers, e.g. the
      // X-WP-Total of a WordPress listing copy.
      let headers = {};
      try {
        headers = JSON.parse((await load(target + ".headers")).toString("utf8"));
        headers["access-control-expose-headers"] = Object.keys(headers).join(", ");
      } catch {}
      return send(200, body, TYPES[extname(target)] ?? "application/octet-stream", { cache: cacheControl(target), headers });
    } catch {
      if (extname(rel) === "") {
        // A route of the single-page app.
        const body = await load(join(root, "index.html"));
        return send(200, body, TYPES[".html"]);
      }
      return send(404, Buffer.from(`404: ${path} not found\n`), TYPES[".txt"]);
    }
  });
  await new Promise((ok) => server.listen(port, "127.0.0.1", ok));
  const address = server.address();
  return {
    url: `http://127.0.0.1:${address.port}${base}`,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const s = await start({
    root: opt("root", "dist"),
    port: Number(opt("port", 4173)),
    base: opt("base", "/"),
    csp: opt("csp", null),
    compress: args.includes("--compress"),
  });
  console.log(`serving on ${s.url}`);
}
