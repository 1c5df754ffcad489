/**
 * Reading an API definition file (an asset for `BodyS3Location` or an `AWS::Include` location):
 * JSON, or YAML as API Gateway also accepts.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

export type ParsedDefinition =
  | { readonly ok: true; readonly document: unknown }
  | { readonly ok: false; readonly reason: string };

export function readDefinitionFile(file: string): ParsedDefinition {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { ok: false, reason: `API definition ${file} cannot be read (${(error as Error).message})` };
  }
  return parseDefinition(text, file);
}

export function parseDefinition(text: string, origin: string): ParsedDefinition {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || path.extname(origin).toLowerCase() === '.json') {
    try {
      return { ok: true, document: JSON.parse(text) };
    } catch (error) {
      return { ok: false, reason: `API definition ${origin} is not valid JSON (${(error as Error).message})` };
    }
  }
  const yaml = yamlParser();
  if (!yaml) return { ok: false, reason: `API definition ${origin} is YAML, and no YAML parser is installed` };
  try {
    return { ok: true, document: yaml(text) };
  } catch (error) {
    return { ok: false, reason: `API definition ${origin} is not valid YAML (${(error as Error).message})` };
  }
}

type YamlParse = (text: string) => unknown;
let cachedParser: YamlParse | null | undefined;

/**
 * The `yaml` package when the project has it, else the copy aws-cdk-lib ships (it parses templates
 * with it); loading only that module pulls in no construct code.
 */
function yamlParser(): YamlParse | null {
  if (cachedParser !== undefined) return cachedParser;
  const candidates = [
    () => require.resolve('yaml'),
    () => require.resolve('yaml', { paths: [path.dirname(require.resolve('aws-cdk-lib/package.json'))] }),
  ];
  cachedParser = null;
  for (const candidate of candidates) {
    try {
      const module = require(candidate()) as { parse?: YamlParse };
      if (typeof module.parse === 'function') {
        cachedParser = module.parse;
        break;
      }
    } catch {
      // not installed here; try the next place
    }
  }
  return cachedParser;
}
