// Open Model Share: responsive embeds. Put this once on a page that has our iframes:
//   <iframe src="https://…/embed/share?…" style="width:100%;border:0" title="…"></iframe>
//   <script src="https://…/embed.js" async></script>
// Each iframe then takes the height its chart needs, at any width.
(() => {
  window.addEventListener("message", (event) => {
    const data = event.data;
    if (data?.type !== "open-model-share:resize" || typeof data.height !== "number") return;
    for (const frame of document.querySelectorAll("iframe")) {
      if (frame.contentWindow === event.source) {
        frame.style.height = `${Math.min(Math.max(data.height, 120), 4000)}px`;
        return;
      }
    }
  });
})();
