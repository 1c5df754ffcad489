import type { Finding } from './finding';
import { type CheckRule, finding } from './rule';

export const accessLogFormat: CheckRule = {
  ruleId: 'access-log-format',
  level: 'error',
  description:
    'An access log format that is empty, spans several lines, lacks $context.requestId, uses non-$context ' +
    'variables, or is JSON-shaped but would not log valid JSON.',
};

/**
 * `$context.identity.sourceIp`, `$context.authorizer.claims.sub`, ...; a trailing `.` is text, not part of the
 * name. Same name syntax as the renderer in `../access-log-render.ts`.
 */
const CONTEXT_VARIABLE = /\$context\.[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*/g;
const CONTEXT_VARIABLE_AT = new RegExp(CONTEXT_VARIABLE.source, 'y');
/** `$input.body`, `$stageVariables.x`, `$util...`: not available in access logs (AWS docs: "Set up CloudWatch logging for REST APIs"). */
const OTHER_VARIABLE = /\$(?!context\.)[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*/g;
/** Renders already quoted (`"message"`), so it belongs outside JSON quotes (AWS docs: "Set up CloudWatch logging for REST APIs"). */
const QUOTED_VARIABLE = '$context.error.messageString';
/** What API Gateway logs for a variable without a value (observed AWS behaviour, not documented by AWS); JSON must survive it. */
const MISSING_VALUE = '-';

/** The `$context` variables a format uses, in order, as written (`$context.requestId`). */
export function contextVariables(format: string): string[] {
  return format.match(CONTEXT_VARIABLE) ?? [];
}

/** REST access log format rules (AWS docs: "Set up CloudWatch logging for REST APIs"): AWS states them, and rejects an empty format at deploy. */
export function checkAccessLogFormat(format: string): Finding[] {
  if (format.trim() === '') {
    return [
      finding(
        accessLogFormat,
        'Access log format: Access Log value must not be empty. Use a preset from ACCESS_LOG_FORMATS, or turn access logging off.',
      ),
    ];
  }
  const problems: string[] = [];
  // One trailing newline is tolerated (the console presets may end with one); any other line break splits entries.
  if (/[\r\n]/.test(format.replace(/\n$/, ''))) {
    problems.push('spans several lines; API Gateway writes one log line per request, so put the format on one line.');
  }
  const variables = contextVariables(format);
  if (!variables.includes('$context.requestId') && !variables.includes('$context.extendedRequestId')) {
    problems.push(
      'must include $context.requestId (or $context.extendedRequestId) so each entry can be traced to its request; add it.',
    );
  }
  const others = [...new Set(format.match(OTHER_VARIABLE) ?? [])];
  if (others.length > 0) {
    problems.push(`uses ${others.join(', ')}, but only $context variables are available in access logs; remove them.`);
  }
  if (format.trimStart().startsWith('{')) problems.push(...jsonProblems(format));
  return problems.map((problem) => finding(accessLogFormat, `Access log format ${problem}`));
}

function jsonProblems(format: string): string[] {
  const { bare, quoted } = variablesByQuoting(format);
  const problems: string[] = [];
  if (bare.length > 0) {
    problems.push(
      `looks like JSON but has ${bare.join(', ')} outside quotes; a missing value is logged as "${MISSING_VALUE}", ` +
        `which is not JSON. Quote each value, e.g. "status":"$context.status".`,
    );
  }
  if (quoted.length > 0) {
    problems.push(
      `looks like JSON but has ${QUOTED_VARIABLE} inside quotes; it renders with its own quotes. Write it unquoted, ` +
        `e.g. "message":${QUOTED_VARIABLE}, or use "$context.error.message".`,
    );
  }
  if (problems.length > 0) return problems;
  const rendered = format.replace(CONTEXT_VARIABLE, (name) =>
    name === QUOTED_VARIABLE ? `"${MISSING_VALUE}"` : MISSING_VALUE,
  );
  try {
    JSON.parse(rendered);
    return [];
  } catch (error) {
    return [`looks like JSON but does not render as valid JSON (${(error as Error).message}); fix its syntax.`];
  }
}

/** Walks the format as JSON text: which variables sit outside string literals, and which quoted ones sit inside. */
function variablesByQuoting(format: string): { bare: string[]; quoted: string[] } {
  const bare: string[] = [];
  const quoted: string[] = [];
  let inString = false;
  for (let i = 0; i < format.length; i++) {
    const char = format[i];
    if (inString && char === '\\') {
      i++;
    } else if (char === '"') {
      inString = !inString;
    } else if (char === '$') {
      CONTEXT_VARIABLE_AT.lastIndex = i;
      const name = CONTEXT_VARIABLE_AT.exec(format)?.[0];
      if (name === undefined) continue;
      if (!inString && name !== QUOTED_VARIABLE) bare.push(name);
      if (inString && name === QUOTED_VARIABLE) quoted.push(name);
      i += name.length - 1;
    }
  }
  return { bare, quoted };
}
