/**
 * `$util` in mapping templates (AWS docs: "API Gateway mapping template and access logging variable reference").
 * API Gateway runs Java: `escapeJavaScript` follows Apache Commons Lang's `StringEscapeUtils.escapeJavaScript`
 * (which turns `'` into `\'`), `urlEncode`/`urlDecode` follow `java.net.URLEncoder`/`URLDecoder` in UTF-8
 * (`application/x-www-form-urlencoded`: a space is `+`).
 */

export interface UtilVariable {
  escapeJavaScript(value: unknown): string;
  parseJson(value: unknown): unknown;
  urlEncode(value: unknown): string;
  urlDecode(value: unknown): string;
  base64Encode(value: unknown): string;
  base64Decode(value: unknown): string;
}

export const utilVariable: UtilVariable = {
  escapeJavaScript: (value) => escapeJavaScript(textOf(value)),
  parseJson: (value) => JSON.parse(textOf(value)),
  urlEncode: (value) =>
    encodeURIComponent(textOf(value))
      .replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
      .replace(/%20/g, '+'),
  urlDecode: (value) => decodeURIComponent(textOf(value).replace(/\+/g, ' ')),
  base64Encode: (value) => Buffer.from(textOf(value), 'utf8').toString('base64'),
  base64Decode: (value) => Buffer.from(textOf(value), 'base64').toString('utf8'),
};

function textOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '\b': '\\b',
  '\n': '\\n',
  '\t': '\\t',
  '\f': '\\f',
  '\r': '\\r',
  "'": "\\'",
  '"': '\\"',
  '\\': '\\\\',
  '/': '\\/',
};

/** Commons Lang 2 `escapeJavaScript`: quotes, backslash and `/` escaped, controls and non-ASCII as `\uXXXX`. */
export function escapeJavaScript(text: string): string {
  let out = '';
  for (const char of text) {
    const short = SHORT_ESCAPES[char];
    if (short) {
      out += short;
      continue;
    }
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x20 || code > 0x7e) {
      // Java strings are UTF-16: a character outside the BMP is escaped as its two surrogates.
      for (let i = 0; i < char.length; i++)
        out += `\\u${char.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')}`;
    } else out += char;
  }
  return out;
}
