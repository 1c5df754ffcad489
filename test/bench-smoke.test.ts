import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

// The benchmarks never run inside `npm test`; this only checks that the script still runs end to end on a
// tiny configuration and writes its report. It asserts what the report contains, never a timing.
test('the benchmark script runs in quick mode and writes a report with the machine and its tables', async () => {
  const out = join(mkdtempSync(join(tmpdir(), 'portico-bench-smoke-')), 'results.md');
  await run(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--quick', '--only', 'inprocess', '--out', out], {
    cwd: join(__dirname, '..'),
    timeout: 120_000,
  });
  const report = readFileSync(out, 'utf8');
  expect(report).toMatch(/^Machine: \d+ cores .*GiB, Node v\d+/m);
  expect(report).toContain('## 4. In-process cost');
  expect(report).toMatch(/\| \+ access log to file \| \d+\.\d{3} \|/);
  expect(report).toMatch(/\| 2000 \| \d+\.\d{2} \| \d+\.\d{2} \|/);
}, 120_000);
