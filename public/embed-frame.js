// Inside an Open Model Share embed: tells the page around the iframe how tall the chart is, so
// /embed.js (or any listener) can size the iframe to its content.
(() => {
  if (window.parent === window) return;
  let last = 0;
  const post = () => {
    const height = Math.ceil(document.documentElement.scrollHeight);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: "open-model-share:resize", height, src: location.href }, "*");
  };
  window.addEventListener("load", post);
  window.addEventListener("resize", post);
  document.addEventListener("change", post);
  if (typeof ResizeObserver === "function") new ResizeObserver(post).observe(document.documentElement);
  post();
})();
