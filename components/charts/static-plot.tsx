import type { ReactNode } from "react";
import type { ChartModel } from "@/lib/charts/chart-model";
import type { LayoutOptions } from "@/lib/charts/layout";
import { pagePlotSvgs } from "@/lib/charts/page-plot";

/**
 * A page chart's first paint, drawn on the server: the same drawing as the embed and the images
 * (lib/charts/svg.ts) at each of the page's sizes, CSS showing the one that fits. The interactive
 * chart replaces it in place once its script is loaded.
 */
export function StaticPlot({
  model,
  references,
  brush = true,
}: {
  model: ChartModel;
  references: LayoutOptions["references"];
  brush?: boolean;
}): ReactNode {
  return pagePlotSvgs(model, references, brush).map(({ name, svg }) => (
    <div
      key={name}
      className={`static-plot static-${name}`}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: our own SVG, every text escaped (lib/charts/svg.ts)
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  ));
}
