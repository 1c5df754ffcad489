import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AccessLogFile } from '../../lib/emulator/access-log-file';

const newFile = () => join(mkdtempSync(join(tmpdir(), 'portico-access-log-')), 'access.log');

describe('AccessLogFile', () => {
  test('lines land in order, one per append, across flushes by size and by event-loop turn', async () => {
    const path = newFile();
    const file = new AccessLogFile(path);
    const lines = Array.from({ length: 3000 }, (_, i) => `{"requestId":"r-${i}","pad":"${'x'.repeat(i % 97)}"}`);
    // More than 64 KiB at once (flushed by size), then lines spread over several turns of the event loop.
    for (const line of lines.slice(0, 2000)) file.append(line);
    for (let i = 2000; i < lines.length; i++) {
      file.append(lines[i]);
      if (i % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await file.close();
    expect(readFileSync(path, 'utf8')).toBe(`${lines.join('\n')}\n`);
  });

  test('appends to an existing file, and nothing is written after close', async () => {
    const path = newFile();
    const first = new AccessLogFile(path);
    first.append('one');
    await first.close();
    const second = new AccessLogFile(path);
    second.append('two');
    await second.close();
    second.append('three');
    await second.close();
    expect(readFileSync(path, 'utf8')).toBe('one\ntwo\n');
  });
});
