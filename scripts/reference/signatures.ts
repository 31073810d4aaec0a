// TypeScript text for declarations, as a declaration file would write them: TypeDoc's own type printing
// (`SomeType.toString()`), arranged into function, class, interface, type and const heads.
import { ReflectionKind, type DeclarationReflection, type SignatureReflection, type SomeType, type TypeParameterReflection } from "typedoc";

/** Signatures longer than this put one parameter a line. */
const maxLine = 90;

/** A type as text. zod's generics print with their defaulted internals spelt out; those are dropped. */
export function typeText(type: SomeType | undefined): string {
  if (!type) return "unknown";
  return type.toString().replace(/<unknown, unknown, \$ZodTypeInternals<unknown, unknown>>/g, "");
}

export function typeParametersText(parameters: readonly TypeParameterReflection[] | undefined): string {
  if (!parameters?.length) return "";
  const text = parameters.map((parameter) => {
    const modifiers = [parameter.flags.isConst ? "const" : "", parameter.varianceModifier ?? ""].filter(Boolean).join(" ");
    const constraint = parameter.type ? ` extends ${typeText(parameter.type)}` : "";
    const fallback = parameter.default ? ` = ${typeText(parameter.default)}` : "";
    return `${modifiers ? `${modifiers} ` : ""}${parameter.name}${constraint}${fallback}`;
  });
  return `<${text.join(", ")}>`;
}

function parameterTexts(signature: SignatureReflection): string[] {
  return (signature.parameters ?? []).map((parameter) => {
    const rest = parameter.flags.isRest ? "..." : "";
    const optional = parameter.flags.isOptional || parameter.defaultValue !== undefined ? "?" : "";
    return `${rest}${parameter.name}${optional}: ${typeText(parameter.type)}`;
  });
}

/** `head(params): type`, breaking the parameters over lines when the whole is long. */
function callText(head: string, signature: SignatureReflection, withReturn = true): string {
  const params = parameterTexts(signature);
  const returns = withReturn && signature.type ? `: ${typeText(signature.type)}` : "";
  const oneLine = `${head}(${params.join(", ")})${returns}`;
  if (oneLine.length <= maxLine || params.length === 0) return oneLine;
  return `${head}(\n${params.map((param) => `  ${param},`).join("\n")}\n)${returns}`;
}

/** A function's overload: `function Query<S extends ZodType>(schema: S, options?: ParamOptions): Param<S, "query">`. */
export function functionText(name: string, signature: SignatureReflection): string {
  return callText(`function ${name}${typeParametersText(signature.typeParameters)}`, signature);
}

/** A call signature inside an interface or type: `<H extends Handler>(path: string, handler: H): H`. */
export function callSignatureText(signature: SignatureReflection): string {
  return callText(typeParametersText(signature.typeParameters), signature);
}

function modifiers(member: DeclarationReflection): string {
  const flags = member.flags;
  return [
    flags.isProtected ? "protected" : "",
    flags.isStatic ? "static" : "",
    flags.isAbstract ? "abstract" : "",
    flags.isReadonly ? "readonly" : "",
  ].filter(Boolean).map((word) => `${word} `).join("");
}

/** The text of one class or interface member, one line per call form. */
export function memberText(member: DeclarationReflection): string {
  const prefix = modifiers(member);
  if (member.kindOf(ReflectionKind.Constructor)) {
    return (member.signatures ?? []).map((signature) => callText("constructor", signature, false)).join("\n");
  }
  if (member.kindOf(ReflectionKind.Method)) {
    const optional = member.flags.isOptional ? "?" : "";
    return (member.signatures ?? [])
      .map((signature) => callText(`${prefix}${member.name}${optional}${typeParametersText(signature.typeParameters)}`, signature))
      .join("\n");
  }
  if (member.kindOf(ReflectionKind.Accessor)) {
    const lines: string[] = [];
    if (member.getSignature) lines.push(`${prefix}get ${member.name}(): ${typeText(member.getSignature.type)}`);
    if (member.setSignature) lines.push(`${prefix}set ${member.name}(${parameterTexts(member.setSignature).join(", ")})`);
    return lines.join("\n");
  }
  const optional = member.flags.isOptional ? "?" : "";
  return `${prefix}${member.name}${optional}: ${typeText(member.type)}`;
}

function heritage(keyword: string, types: readonly SomeType[] | undefined): string {
  return types?.length ? ` ${keyword} ${types.map(typeText).join(", ")}` : "";
}

/** The head of a class, interface, type alias or const (functions are all overloads: see {@link functionText}). */
export function declarationText(entry: DeclarationReflection): string {
  const generics = typeParametersText(entry.typeParameters);
  if (entry.kindOf(ReflectionKind.Class)) {
    const abstract = entry.flags.isAbstract ? "abstract " : "";
    return `${abstract}class ${entry.name}${generics}${heritage("extends", entry.extendedTypes)}${heritage("implements", entry.implementedTypes)}`;
  }
  if (entry.kindOf(ReflectionKind.Interface)) return `interface ${entry.name}${generics}${heritage("extends", entry.extendedTypes)}`;
  if (entry.kindOf(ReflectionKind.TypeAlias)) return `type ${entry.name}${generics} = ${objectTypeText(entry.type)}`;
  return `const ${entry.name}: ${objectTypeText(entry.type)}`;
}

/** A type, with an object literal at the top spread over lines (one member a line) so it stays readable. */
function objectTypeText(type: SomeType | undefined): string {
  const declaration = type?.type === "reflection" ? type.declaration : undefined;
  const members = declaration?.children ?? [];
  if (!declaration || members.length < 2 || declaration.signatures?.length || declaration.indexSignatures?.length) return typeText(type);
  return `{\n${members.map((member) => `  ${memberText(member)};`).join("\n")}\n}`;
}
