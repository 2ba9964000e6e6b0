// Herald's loader: the one script a page includes. Its URL is stable (cache
// it briefly); it imports the content-hashed module and WebAssembly that
// sit beside it (cache those forever). Build-time placeholders are filled in
// by scripts/write-loader.mjs.
import init, { boot } from "./__HERALD_JS__";

const here = import.meta.url;
await init({ module_or_path: new URL("./__HERALD_WASM__", here) });
boot(new URL("./__HERALD_CSS__", here).href);
