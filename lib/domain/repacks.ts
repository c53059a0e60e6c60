/**
 * Repacks: a model that republishes another's weights in another format or precision — a GGUF or
 * MLX conversion, a quantization. Each of its downloads is a request for those files, so a popular
 * base model's repacks by community namespaces (bartowski, unsloth, mlx-community…) add to the
 * uploader's country unless credited to the base model's developer. The Hub says a model is one in
 * three ways: its base-model relation is `quantized` (`baseModels.relation`, or a
 * `base_model:quantized:…` tag), its library is `gguf` or `mlx`, or its tags carry `gguf` or `mlx`.
 */
export const REPACK_LIBRARIES = ["gguf", "mlx"] as const;
export const REPACK_TAGS = ["gguf", "mlx"] as const;

/** Whether a listing's tags mark it a repack. */
export const taggedRepack = (tags: readonly string[]): boolean =>
  tags.some((t) => (REPACK_TAGS as readonly string[]).includes(t.toLowerCase()));

/** A version's repack flag in SQL, over the columns of a row holding a listing (`row`: its alias). */
export function repackSql(row: string, tagged: string): string {
  const libraries = REPACK_LIBRARIES.map((l) => `'${l}'`).join(", ");
  return `(COALESCE(${tagged}, false) OR COALESCE(${row}.base_relation::text = 'quantized', false)
    OR COALESCE(lower(${row}.library_name) IN (${libraries}), false))`;
}
