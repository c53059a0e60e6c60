import type { Metadata } from "next";
import localFont from "next/font/local";
import { cookies, headers } from "next/headers";
import type { ReactNode } from "react";
import { FEED_ALTERNATES, siteOrigin } from "@/lib/site";
import "./globals.css";

const inter = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  variable: "--font-inter",
  display: "swap",
});

/** Social cards name absolute URLs: of SITE_URL, else of the host the reader used (lib/site.ts). */
export async function generateMetadata(): Promise<Metadata> {
  return { ...metadata, metadataBase: new URL(siteOrigin(await headers())) };
}

const metadata: Metadata = {
  icons: {
    icon: [
      { url: "/icon.svg", type: "image/svg+xml" },
      { url: "/favicon-48.png", sizes: "48x48" },
    ],
    apple: "/apple-touch-icon.png",
  },
  title: {
    default: "Open Model Share — whose open models does the world download?",
    template: "%s · Open Model Share",
  },
  description:
    "Daily Hugging Face Hub download shares of open models by country and lab: China, the United States and the rest.",
  // A page that sets alternates of its own replaces these: it spreads FEED_ALTERNATES in too.
  alternates: { types: FEED_ALTERNATES },
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const saved = (await cookies()).get("theme")?.value;
  return (
    <html
      lang="en"
      className={inter.variable}
      data-theme={saved === "light" || saved === "dark" ? saved : undefined}
    >
      <body>{children}</body>
    </html>
  );
}
