export const BASE_MODEL_RELATIONS = ["finetune", "adapter", "quantized", "merge"] as const;
export type BaseModelRelation = (typeof BASE_MODEL_RELATIONS)[number];

export interface BaseModelRef {
  /** Hub id of the base model, e.g. Qwen/Qwen2.5-7B (legacy ids have no namespace: gpt2). */
  id: string;
  relation: BaseModelRelation | null;
}

const PREFIX = "base_model:";
const HUB_ID = /^[\w.-]+(?:\/[\w.-]+)?$/;
const RELATIONS: ReadonlySet<string> = new Set(BASE_MODEL_RELATIONS);

/**
 * Reads `base_model:<id>` and `base_model:<relation>:<id>` tags. The bare tag and the relation
 * tag of one id are one base model; an id with two relations keeps both. A relation the Hub may
 * add later is kept as `null` rather than losing the lineage link. Order follows the tags.
 */
export function parseBaseModelTags(tags: readonly string[] | undefined): BaseModelRef[] {
  if (!tags) return [];
  const relationsById = new Map<string, Set<BaseModelRelation | null>>();
  for (const tag of tags) {
    const ref = parseBaseModelTag(tag);
    if (!ref) continue;
    const seen = relationsById.get(ref.id);
    if (!seen) relationsById.set(ref.id, new Set([ref.relation]));
    else seen.add(ref.relation);
  }
  const out: BaseModelRef[] = [];
  for (const [id, relations] of relationsById) {
    const named = [...relations].filter((r): r is BaseModelRelation => r !== null);
    if (named.length === 0) out.push({ id, relation: null });
    for (const relation of named) out.push({ id, relation });
  }
  return out;
}

/** One tag; null when it is not a well-formed base_model tag. */
export function parseBaseModelTag(tag: string): BaseModelRef | null {
  const trimmed = tag.trim();
  if (!trimmed.startsWith(PREFIX)) return null;
  const rest = trimmed.slice(PREFIX.length);
  const colon = rest.indexOf(":");
  if (colon === -1) return HUB_ID.test(rest) ? { id: rest, relation: null } : null;
  const word = rest.slice(0, colon);
  const id = rest.slice(colon + 1);
  if (!HUB_ID.test(id) || !/^[a-z_-]+$/.test(word)) return null;
  return { id, relation: RELATIONS.has(word) ? (word as BaseModelRelation) : null };
}
