/**
 * `$context.requestTime`: CLF-style `dd/MMM/yyyy:HH:mm:ss +0000`, always UTC (AWS docs: "Lambda proxy integrations in API Gateway"; "Set up CloudWatch logging for REST APIs"),
 * e.g. `17/Jun/2024:14:52:41 +0000`.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

export function formatRequestTime(epochMs: number): string {
  const t = new Date(epochMs);
  const date = `${pad2(t.getUTCDate())}/${MONTHS[t.getUTCMonth()]}/${t.getUTCFullYear()}`;
  const time = `${pad2(t.getUTCHours())}:${pad2(t.getUTCMinutes())}:${pad2(t.getUTCSeconds())}`;
  return `${date}:${time} +0000`;
}
