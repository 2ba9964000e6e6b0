// Herald's loader: the one script a page includes. Its URL is stable (cache
// it briefly); it imports the content-hashed module and WebAssembly that
// sit beside it (cache those for ever). Build-time placeholders are filled
// in by scripts/post-build.mjs.
//
// It defines one global, `window.Herald` (docs/embedding.md):
//   Herald.mount(element, options) -> { unmount() }
//   Herald.ready                   -> a promise, resolved once started
// The same object is also `window[Symbol.for("herald")]`.
import init, { boot, mount } from "./__HERALD_JS__";

// A second copy of the loader on a page (another URL for the same file)
// shares the first one's module and changes nothing. What tells is a
// symbol-keyed property of the window, which page markup cannot fake:
// `<div id="Herald">` or `<form name="Herald">` make `window.Herald` an
// element, but only through the window's named properties, which an own
// property of the window shadows.
const KEY = Symbol.for("herald");
if (!Object.prototype.hasOwnProperty.call(window, KEY)) {
  const here = import.meta.url;
  // Trusted Types (docs/security.md): the policy `herald`, for the module's
  // two sinks and nothing else; it stays in this module. Feed HTML goes
  // unchanged to the browser's inert parser (the parsed document is read,
  // never inserted); only JSON that cannot end its element becomes the
  // text of the standalone app's JSON-LD block.
  let policy = null;
  try {
    policy =
      window.trustedTypes?.createPolicy("herald", {
        createHTML: (html) => html,
        createScript: (json) => (json.startsWith("{") && !json.includes("<") ? json : ""),
      }) ?? null;
  } catch {
    console.error("[herald] Trusted Types: the page's CSP must allow `trusted-types herald`");
  }
  // Resolves once the embeds' shared stylesheet is loaded and the page's
  // placeholders are mounted. Instantiating the WebAssembly (which compiles
  // the functions it first calls) and starting the widget are two tasks.
  const ready = init({ module_or_path: new URL("./__HERALD_WASM__", here) })
    .then(() => new Promise((next) => setTimeout(next, 0)))
    .then(() => boot(new URL("./__HERALD_CSS__", here).href, policy));

  // A page's first date or number formatter loads the browser's locale data,
  // tens of milliseconds of main-thread work: do that while the WebAssembly
  // downloads, one formatter per task, instead of when the article is drawn.
  const warm = (make) =>
    setTimeout(() => {
      try {
        make(document.documentElement.lang || undefined);
      } catch {
        // An invalid `lang`: the widget falls back on its own and says so.
      }
    }, 0);
  warm((lang) => new Intl.DateTimeFormat(lang, { dateStyle: "long" }).format(0));
  warm((lang) => new Intl.NumberFormat(lang).format(1));

  const api = Object.freeze({
    ready,
    mount(element, options = {}) {
      let handle = null;
      let gone = false;
      ready.then(() => {
        if (!gone) handle = mount(element, options);
      });
      return Object.freeze({
        unmount() {
          gone = true;
          if (handle) {
            handle.unmount();
            handle.free();
          }
          handle = null;
        },
      });
    },
  });
  Object.defineProperty(window, KEY, { value: api });
  try {
    Object.defineProperty(window, "Herald", { value: api, configurable: true, enumerable: true });
  } catch {
    // Another script made `Herald` its own for good: the symbol still reaches the API.
  }
}
