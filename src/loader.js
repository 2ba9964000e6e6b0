// Herald's loader: the one script a page includes. Its URL is stable (cache
// it briefly); it imports the content-hashed module and WebAssembly that
// sit beside it (cache those for ever). Build-time placeholders are filled
// in by scripts/write-loader.mjs.
//
// It defines one global, `window.Herald` (docs/embedding.md):
//   Herald.mount(element, options) -> { unmount() }
//   Herald.ready                   -> a promise, resolved once started
import init, { boot, mount } from "./__HERALD_JS__";

const here = import.meta.url;
// Resolves once the embeds' shared stylesheet is loaded and the page's
// placeholders are mounted.
const ready = init({ module_or_path: new URL("./__HERALD_WASM__", here) }).then(() =>
  boot(new URL("./__HERALD_CSS__", here).href),
);

// A page's first date or number formatter loads the browser's locale data,
// tens of milliseconds of main-thread work: do that while the WebAssembly
// downloads, in a task of its own, instead of when the article is drawn.
setTimeout(() => {
  try {
    const lang = document.documentElement.lang || undefined;
    new Intl.DateTimeFormat(lang, { dateStyle: "long" }).format(0);
    new Intl.NumberFormat(lang).format(1);
  } catch {
    // An invalid `lang`: the widget falls back on its own and says so.
  }
}, 0);

window.Herald = Object.freeze({
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
        if (handle) handle.unmount();
        handle = null;
      },
    });
  },
});
