// The host page's own script: adds and removes placeholders after load,
// as an infinite-scroll page would. It knows nothing of Herald's internals.
const later = document.getElementById("later");
let count = 0;

document.getElementById("add-widget").addEventListener("click", () => {
  count += 1;
  const el = document.createElement("div");
  el.id = `widget-later-${count}`;
  el.dataset.herald = "trending";
  el.dataset.trending = "../data/trending.json";
  el.dataset.link = "../article/{slug}";
  later.append(el);
});

document.getElementById("remove-widget").addEventListener("click", () => {
  later.lastElementChild?.remove();
});
