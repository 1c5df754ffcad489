/**
 * Velocity (VTL) mapping templates as API Gateway runs them (AWS docs: "Mapping templates for REST APIs"
 * and "API Gateway mapping template and access logging variable reference"), on velocityjs.
 * A template is parsed once at load time; each render gets a fresh evaluator (velocityjs keeps per-render
 * state on its instance). Where API Gateway's Java Velocity prints differently from stock Velocity, we print
 * as API Gateway does (recorded on AWS, see docs/decisions/0014-mapping-templates.md):
 * - an undefined or null reference renders as empty text (stock Velocity prints `$ref` itself);
 * - a map prints as Java's `{key=value, ...}`, a list from `$input.path` as compact JSON;
 * - `#foreach` stops the template after 1,000 iterations, a template over 300 KB is refused.
 */
import { Compile, parse } from 'velocityjs';
import type { InputVariable } from './input-variable';
import { jsonTextOf } from './input-variable';
import { JAVA_METHOD_HANDLERS } from './java-methods';
import { MAX_FOREACH_ITERATIONS, MAX_TEMPLATE_BYTES } from './limits';
import { type UtilVariable, utilVariable } from './util-variable';

/** The variables a template sees; `$util` is always the same. */
export interface TemplateVariables {
  readonly input: InputVariable;
  /** `$context`: plain objects, so `#set($context.responseOverride.status = 400)` can write into it. */
  readonly context: Record<string, unknown>;
  readonly stageVariables: Readonly<Record<string, string>>;
}

/** A template that does not parse: where, in the template's own lines and columns (1-based). */
export class TemplateSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    readonly detail: string,
  ) {
    super(`line ${line}, column ${column}: ${detail}`);
    this.name = 'TemplateSyntaxError';
  }
}

/** A template that failed while rendering (a limit, a method that threw); API Gateway answers 500. */
export class TemplateRuntimeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateRuntimeError';
  }
}

export interface MappingTemplate {
  readonly source: string;
  render(variables: TemplateVariables): string;
}

type Ast = ReturnType<typeof parse>;

/** Parses a template; throws TemplateSyntaxError, or TemplateRuntimeError for a template over 300 KB. */
export function compileMappingTemplate(source: string): MappingTemplate {
  const bytes = Buffer.byteLength(source, 'utf8');
  if (bytes > MAX_TEMPLATE_BYTES) {
    throw new TemplateRuntimeError(`the template is ${bytes} bytes, over API Gateway's limit of 300 KB`);
  }
  const asts = parseTemplate(source);
  return {
    source,
    render(variables) {
      const evaluator = new ApiGatewayVelocity(asts, { customMethodHandlers: [...JAVA_METHOD_HANDLERS] });
      const util: UtilVariable = utilVariable;
      try {
        return evaluator.render(
          {
            input: variables.input,
            util,
            context: variables.context,
            stageVariables: { ...variables.stageVariables },
          },
          undefined,
          true,
        );
      } catch (error) {
        if (error instanceof TemplateRuntimeError) throw error;
        throw new TemplateRuntimeError(error instanceof Error ? error.message : String(error));
      }
    },
  };
}

/** Parses only, for synth-time checks: the syntax error, or undefined when the template parses. */
export function templateSyntaxError(source: string): TemplateSyntaxError | undefined {
  try {
    parseTemplate(source);
    return undefined;
  } catch (error) {
    if (error instanceof TemplateSyntaxError) return error;
    throw error;
  }
}

function parseTemplate(source: string): Ast {
  try {
    return parse(source);
  } catch (error) {
    const hash = (error as { hash?: { text?: string; loc?: { first_line?: number; first_column?: number } } }).hash;
    const line = hash?.loc?.first_line ?? 1;
    const column = (hash?.loc?.first_column ?? 0) + 1;
    const detail = !hash
      ? String(error instanceof Error ? error.message : error)
      : hash.text
        ? `unexpected "${hash.text}"`
        : 'unexpected end of template (an unclosed directive or parenthesis)';
    throw new TemplateSyntaxError(line, column, detail);
  }
}

class ApiGatewayVelocity extends Compile {
  protected override getReferences(ast: Ast[number], isVal?: boolean): string {
    const value: unknown = super.getReferences(ast, isVal);
    if (!isVal) return value as string;
    if (value === null || value === undefined) return '';
    return (jsonTextOf(value) ?? value) as string;
  }

  /** Refuses a loop over more than 1,000 items before running it (its source is evaluated once more here). */
  getBlockEach(block: Ast): string {
    const loop = block[0] as { from?: object; pos?: unknown };
    const items: unknown = loop.from ? this.getLiteral({ ...loop.from, pos: loop.pos } as Ast[number]) : undefined;
    const count = Array.isArray(items)
      ? items.length
      : items && typeof items === 'object'
        ? Object.keys(items).length
        : 0;
    if (count > MAX_FOREACH_ITERATIONS) {
      throw new TemplateRuntimeError(
        `#foreach over ${count} items, over API Gateway's limit of ${MAX_FOREACH_ITERATIONS} iterations`,
      );
    }
    return super.getBlockEach(block);
  }
}

declare module 'velocityjs' {
  interface Compile {
    getBlockEach(block: ReturnType<typeof parse>): string;
  }
}
