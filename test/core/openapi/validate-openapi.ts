/**
 * Validates a document against the OpenAPI schema with @seriousme/openapi-schema-validator. The package
 * is ESM only and jest runs CommonJS here, so the check runs in a child Node process.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

export interface OpenApiValidation {
  readonly valid: boolean;
  /** Schema version the validator picked (`3.0`). */
  readonly version?: string;
  readonly errors?: unknown;
}

const SCRIPT = `
import { Validator } from '@seriousme/openapi-schema-validator';
let text = '';
for await (const chunk of process.stdin) text += chunk;
const validator = new Validator();
const result = await validator.validate(JSON.parse(text));
process.stdout.write(JSON.stringify({ valid: result.valid, version: validator.version, errors: result.errors }));
`;

export function validateOpenApi(document: unknown): OpenApiValidation {
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', SCRIPT], {
    cwd: path.join(__dirname, '..', '..', '..'),
    input: JSON.stringify(document),
    encoding: 'utf8',
  });
  return JSON.parse(output) as OpenApiValidation;
}
