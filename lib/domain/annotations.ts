/**
 * Events drawn on charts (lib/origins/annotations.json): an open-model release by a lab of the
 * registry, or a change of how the Hub counts downloads (which moves every series at once).
 */
export const ANNOTATION_KINDS = ["release", "counting-rule"] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];
