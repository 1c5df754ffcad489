/**
 * The readable report `portico verify` prints: one block per API, one line per finding, `-` for what the
 * template has and the deployed API lacks, `+` for the reverse, `~` for a field that differs.
 */
import pc from 'picocolors';
import type { ApiFlavor } from './api-description';
import type { Finding } from './diff';

export interface ApiVerification {
  readonly flavor: ApiFlavor;
  /** The API's name in the template. */
  readonly name: string;
  /** The deployed API's id; undefined when no deployed API was found. */
  readonly apiId?: string;
  readonly findings: readonly Finding[];
}

export interface FormatOptions {
  /** @default false */
  readonly color?: boolean;
}

export function formatDiff(results: readonly ApiVerification[], options: FormatOptions = {}): string {
  const c = pc.createColors(options.color ?? false);
  const lines: string[] = [];
  for (const result of results) {
    const title = `${result.flavor === 'http' ? 'HTTP API' : 'REST API'} ${result.name}${result.apiId ? ` (${result.apiId})` : ''}`;
    const count = result.findings.length;
    lines.push(
      count === 0
        ? `${c.bold(title)}: ${c.green('in sync with the template')}`
        : `${c.bold(title)}: ${count} ${count === 1 ? 'difference' : 'differences'}`,
    );
    for (const finding of result.findings) lines.push(`  ${findingLine(finding, c)}`);
  }
  return lines.join('\n');
}

function findingLine(finding: Finding, c: ReturnType<typeof pc.createColors>): string {
  if (finding.subject === 'api') {
    return c.red(
      `- the API: in the template, but no deployed API is named "${finding.name}" (deploy it, or pass --api-id)`,
    );
  }
  const what = `${finding.subject} ${finding.name}`;
  switch (finding.kind) {
    case 'missing':
      return c.red(`- ${what}: in the template, not deployed`);
    case 'extra':
      return c.green(`+ ${what}: deployed, not in the template`);
    case 'changed':
      return `${c.yellow(`~ ${what}`)}: ${finding.field}: template ${c.red(finding.expected ?? 'none')}, deployed ${c.green(finding.actual ?? 'none')}`;
  }
}
