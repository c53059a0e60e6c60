/**
 * What Hub names and our own slugs look like. Hub ids resolve ignoring case (`qwen/qwen2.5-7b` is
 * `Qwen/Qwen2.5-7B`); legacy models have no namespace (`gpt2`).
 */
export const NAMESPACE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,95}$/;
export const NAMESPACE_RULE = "must be a Hub namespace (letters, digits, . _ -)";

/** A model id with a namespace, as the site's URLs and the API take it. */
export const MODEL_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,95}\/[A-Za-z0-9._-]{1,96}$/;
/** The name part of a model id (after the namespace's slash). */
export const MODEL_NAME_PATTERN = /^[A-Za-z0-9._-]{1,96}$/;
export const MODEL_ID_RULE = "must be a Hub model id (namespace/name)";

/** Any id the Hub lists, legacy ids without a namespace included. */
export const ANY_MODEL_ID_PATTERN = /^[\w.-]+(?:\/[\w.-]+)?$/;

export const LAB_SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,40}$/;
export const LAB_SLUG_RULE = "must be a lab slug (lower-case letters, digits, -)";

export const TAG_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
export const TAG_RULE = "must be a Hub tag (letters, digits, . _ -)";

/** The namespace of a Hub id; a legacy id without one is its own namespace unless the author says. */
export function namespaceOf(hubId: string, author?: string | null): string {
  const slash = hubId.indexOf("/");
  return slash > 0 ? hubId.slice(0, slash) : (author ?? hubId);
}

export const sameHubId = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
