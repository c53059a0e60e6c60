import type { MetadataRoute } from "next";

export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Open Model Share",
    short_name: "Model Share",
    description:
      "Whose open models does the world download? Hugging Face Hub download shares by country and lab.",
    start_url: "/",
    display: "browser",
    background_color: "#ffffff",
    theme_color: "#0072B2",
    icons: [
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
      { src: "/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icon-512.png", sizes: "512x512", type: "image/png" },
    ],
  };
}
