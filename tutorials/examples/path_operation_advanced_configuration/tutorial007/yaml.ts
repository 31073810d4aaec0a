// A deliberately tiny YAML reader: enough for this example (a mapping of scalars and block lists, whose items may
// be scalars or one-line `key: value` mappings). For real YAML use a full parser, such as the `yaml` package.

export class YAMLError extends Error {}

type Line = { indent: number; text: string };

function scalar(text: string): unknown {
  if (text === "" || text === "~" || text === "null") return null;
  if (text === "true" || text === "false") return text === "true";
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (/^(["']).*\1$/.test(text)) return text.slice(1, -1);
  if (/^[[{&*!|>%@`]/.test(text)) throw new YAMLError(`unsupported value: ${text}`);
  return text;
}

function pair(text: string): [string, string] | null {
  const m = /^([^\s:#-][^:#]*):(?:\s+(.*))?$/.exec(text);
  return m ? [m[1]!.trim(), (m[2] ?? "").trim()] : null;
}

export function parseYaml(source: string): unknown {
  const lines: Line[] = source.split(/\r?\n/)
    .filter((l) => l.trim() !== "" && !l.trim().startsWith("#"))
    .map((l) => ({ indent: l.length - l.trimStart().length, text: l.trim() }));
  if (lines.length === 0) return null;
  const result: Record<string, unknown> = {};
  const top = lines[0]!.indent;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const kv = line.indent === top ? pair(line.text) : null;
    if (!kv) throw new YAMLError(`cannot read line ${i + 1}: ${line.text}`);
    const [key, value] = kv;
    if (value !== "") {
      result[key] = scalar(value);
      continue;
    }
    const items: unknown[] = [];
    while (i + 1 < lines.length && lines[i + 1]!.text.startsWith("- ") && lines[i + 1]!.indent >= top) {
      const item = lines[++i]!.text.slice(2).trim();
      const inner = pair(item);
      items.push(inner ? { [inner[0]]: scalar(inner[1]) } : scalar(item));
    }
    result[key] = items.length ? items : null;
  }
  return result;
}
