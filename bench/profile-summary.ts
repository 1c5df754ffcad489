/**
 * Summarizes a V8 `.cpuprofile` (from `node --cpu-prof` or bench/targets/profile-target.ts) as Markdown: where
 * the time went by self time, and by inclusive time for Portico's own code, as shares of the profile.
 *
 *   tsx bench/profile-summary.ts <file.cpuprofile> [rows]
 */
import { readFileSync } from 'node:fs';
import { frameLabel as label, type Profile, profileIndex } from './cpu-profile';

export function summarize(profile: Profile, rows = 25): string {
  const { byId, parent } = profileIndex(profile);
  const sampled = new Map<number, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    sampled.set(id, (sampled.get(id) ?? 0) + delta);
    total += delta;
  });
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, time] of sampled) {
    const key = label(byId.get(id)!);
    self.set(key, (self.get(key) ?? 0) + time);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = label(byId.get(at)!);
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + time);
    }
  }
  const share = (time: number) => `${((time / total) * 100).toFixed(1)} %`;
  const table = (entries: [string, number][]) =>
    ['| share | function |', '|---:|---|', ...entries.map(([name, time]) => `| ${share(time)} | \`${name}\` |`)].join(
      '\n',
    );
  const top = (map: Map<string, number>, keep: (name: string) => boolean) =>
    [...map]
      .filter(([name]) => keep(name))
      .sort((a, b) => b[1] - a[1])
      .slice(0, rows);
  return [
    `Profile of ${(total / 1000).toFixed(0)} ms.`,
    '',
    '**Self time** (native calls such as `postMessage` and `writev` show as their own rows):',
    '',
    table(top(self, () => true)),
    '',
    "**Inclusive time of Portico's own code** (`lib/`):",
    '',
    table(top(inclusive, (name) => name.includes(' lib/'))),
  ].join('\n');
}

if (require.main === module) {
  const [file, rows] = process.argv.slice(2);
  console.log(summarize(JSON.parse(readFileSync(file, 'utf8')) as Profile, rows ? Number(rows) : undefined));
}
