type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  description?: string;
  default?: unknown;
  $ref?: string;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
};

/** A one-line reading of a JSON Schema type ("string (date)", "one of a, b", "Invoice"). */
export function describeType(schema: JsonSchema): string {
  if (schema.$ref) return schema.$ref.split("/").at(-1)!;
  if (schema.enum) return `one of ${schema.enum.map((v) => JSON.stringify(v)).join(", ")}`;
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.anyOf) return schema.anyOf.map(describeType).join(" or ");
  const type = Array.isArray(schema.type) ? schema.type.join(" or ") : (schema.type ?? "any");
  if (type === "array" && schema.items) {
    return `array of ${describeType(schema.items)}${schema.maxItems ? ` (at most ${schema.maxItems})` : ""}`;
  }
  return schema.format ? `${type} (${schema.format})` : type;
}

/** The fields of an object schema as a table (nested objects one level down, by name). */
export function SchemaFields({ schema, caption }: { schema: JsonSchema; caption: string }) {
  const properties = Object.entries(schema.properties ?? {});
  if (properties.length === 0) return <p className="text-sm">{describeType(schema)}</p>;
  const required = new Set(schema.required ?? []);
  return (
    <table className="mt-2 w-full border-collapse text-left text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b border-slate-300">
          <th className="p-1">Field</th>
          <th className="p-1">Type</th>
          <th className="p-1">Required</th>
        </tr>
      </thead>
      <tbody>
        {properties.map(([name, field]) => (
          <tr key={name} className="border-b border-slate-200 align-top">
            <td className="p-1 font-mono">{name}</td>
            <td className="p-1">
              {describeType(field)}
              {field.description ? (
                <span className="block text-slate-600">{field.description}</span>
              ) : null}
              {field.default !== undefined ? (
                <span className="block text-slate-600">
                  default {JSON.stringify(field.default)}
                </span>
              ) : null}
            </td>
            <td className="p-1">{required.has(name) ? "yes" : "no"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
