/**
 * Renders an access-log format (`AccessLogSetting.Format`, AWS docs: "Set up CloudWatch logging for REST APIs") into one line. A format is
 * compiled once per stage into literal text and variable names, so a request only looks values up.
 */

/** Looks up a `$context` variable by its name without the prefix (`identity.sourceIp`). */
export type ContextVariableLookup = (variable: string) => string | undefined;
export type AccessLogRenderer = (lookup: ContextVariableLookup) => string;

/** What API Gateway writes for a variable with no value. */
export const MISSING_VALUE = '-';

/**
 * `$context.` followed by the longest dotted name. Names are segments of `[A-Za-z0-9_-]` joined by dots,
 * so a sentence-ending `.` after a variable stays literal text.
 */
const CONTEXT_VARIABLE = /\$context\.([A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*)/g;

const JSON_ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

function escapeChar(char: string): string {
  return JSON_ESCAPES[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** Inside a JSON string: quotes, backslashes and control characters escaped. */
function escapeForJson(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what must be escaped
  return /["\\\u0000-\u001f]/.test(value) ? value.replace(/["\\\u0000-\u001f]/g, escapeChar) : value;
}

/** Other formats are single lines too: control characters (a newline in a User-Agent) are escaped. */
function escapeControlChars(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what must be escaped
  return /[\u0000-\u001f]/.test(value) ? value.replace(/[\u0000-\u001f]/g, escapeChar) : value;
}

/**
 * Compiles a format once. A value the lookup does not know (or an empty one) renders as `-`. When the format is
 * JSON-shaped (starts with `{`), values are escaped so a hostile header keeps the line valid JSON
 * (as long as the format quotes its variables, as AWS's presets do). A trailing newline, which AWS
 * allows at the end of a format, is dropped: the log writer ends lines itself.
 */
export function compileAccessLogFormat(format: string): AccessLogRenderer {
  const text = format.replace(/\r?\n$/, '');
  const escapeValue = text.trimStart().startsWith('{') ? escapeForJson : escapeControlChars;
  const literals: string[] = [];
  const variables: string[] = [];
  let last = 0;
  for (const match of text.matchAll(CONTEXT_VARIABLE)) {
    literals.push(text.slice(last, match.index));
    variables.push(match[1]);
    last = match.index + match[0].length;
  }
  const tail = text.slice(last);

  return (lookup) => {
    let line = '';
    for (let i = 0; i < variables.length; i++) {
      const value = lookup(variables[i]);
      line += literals[i] + (value === undefined || value === '' ? MISSING_VALUE : escapeValue(value));
    }
    return line + tail;
  };
}
