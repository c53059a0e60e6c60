type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  default?: unknown;
  description?: string;
  format?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  additionalProperties?: JsonSchema | boolean;
  anyOf?: JsonSchema[];
  $ref?: string;
};

export type { JsonSchema };

/** A one-line reading of a schema: "integer 1–50 (default 10)", "one of: day, week, month". */
export function schemaLine(schema: JsonSchema): string {
  if (schema.$ref) return schema.$ref.split("/").at(-1) ?? "object";
  if (schema.anyOf) {
    const kinds = schema.anyOf.filter((s) => s.type !== "null").map(schemaLine);
    const nullable = schema.anyOf.some((s) => s.type === "null");
    return `${kinds.join(" or ")}${nullable ? " or null" : ""}`;
  }
  const parts: string[] = [];
  if (schema.enum) parts.push(`one of: ${schema.enum.map(String).join(", ")}`);
  else if (schema.const !== undefined) parts.push(JSON.stringify(schema.const));
  else if (schema.pattern === "^\\d{4}-\\d{2}-\\d{2}$") parts.push("date (YYYY-MM-DD)");
  else if (schema.pattern === "^-?\\d+$" || schema.pattern === "^\\d+$")
    parts.push("exact integer, as a string");
  else {
    const type = Array.isArray(schema.type) ? schema.type.join(" or ") : (schema.type ?? "any");
    parts.push(type === "array" && schema.items ? `list of ${schemaLine(schema.items)}` : type);
    if (schema.minimum !== undefined || schema.maximum !== undefined)
      parts.push(`${schema.minimum ?? "…"}–${schema.maximum ?? "…"}`);
    if (schema.maxLength !== undefined) parts.push(`at most ${schema.maxLength} characters`);
    if (schema.pattern) parts.push(`matching ${schema.pattern}`);
    if (schema.format) parts.push(`(${schema.format})`);
  }
  if (schema.default !== undefined) parts.push(`(default ${JSON.stringify(schema.default)})`);
  return parts.join(" ");
}

/** A response body as a nested list of its fields and their types. */
export function SchemaOutline({ schema, depth = 0 }: { schema: JsonSchema; depth?: number }) {
  const object = schema.anyOf?.find((s) => s.properties) ?? schema;
  const element = schema.type === "array" ? schema.items : undefined;
  if (element?.properties && depth < 6)
    return (
      <>
        <span className="muted">list of:</span>
        <SchemaOutline schema={element} depth={depth + 1} />
      </>
    );
  if (!object.properties || depth >= 6) return null;
  return (
    <ul className="schema-outline">
      {Object.entries(object.properties).map(([name, field]) => {
        const nested = field.properties || field.items?.properties || field.anyOf?.some((s) => s.properties);
        return (
          <li key={name}>
            <code>{name}</code> <span className="muted">{nested ? typeOf(field) : schemaLine(field)}</span>
            {field.description ? <span className="muted"> — {field.description}</span> : null}
            {nested ? <SchemaOutline schema={field} depth={depth + 1} /> : null}
          </li>
        );
      })}
    </ul>
  );
}

function typeOf(field: JsonSchema): string {
  if (field.anyOf) return field.anyOf.some((s) => s.type === "null") ? "object or null" : "object";
  if (field.type === "array") return "list";
  return "object";
}
