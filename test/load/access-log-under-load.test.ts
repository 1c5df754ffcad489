import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalGateway } from '../../lib/emulator/local-gateway';
import { serveGateway } from '../../lib/emulator/server';
import { buildLoadStack, hammer, statusCounts } from './support';

const REQUESTS = 10_000;

test('10,000 requests from 100 connections write exactly one well-formed access-log line each', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'portico-load-')), 'access.log');
  const gw = await LocalGateway.fromStack(buildLoadStack({ accessLog: true }), {
    accessLogFile: file,
    accessLogLimit: 2_500,
    onFunctionLog: () => {},
  });
  const server = await serveGateway(gw, { port: 0 });
  let answers: Awaited<ReturnType<typeof hammer>>;
  let inMemory: readonly string[];
  try {
    answers = await hammer(`${server.url}/load/items`, { connections: 100, total: REQUESTS });
    inMemory = gw.accessLog;
  } finally {
    await server.close();
    // Closing flushes the log file.
    await gw.close();
  }

  expect(statusCounts(answers)).toEqual({ 200: REQUESTS });
  const answered = new Set(answers.map((answer) => answer.requestId));
  expect(answered.size).toBe(REQUESTS);

  const text = readFileSync(file, 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  const lines = text.slice(0, -1).split('\n');
  expect(lines).toHaveLength(REQUESTS);
  const entries = lines.map((line) => JSON.parse(line) as Record<string, string>);
  for (const entry of entries) {
    expect(entry).toMatchObject({ httpMethod: 'GET', resourcePath: '/items', stage: 'load', status: '200' });
  }
  const logged = new Set(entries.map((entry) => entry.requestId));
  expect(logged.size).toBe(REQUESTS);
  expect([...answered].filter((id) => !logged.has(id))).toEqual([]);

  // In memory: the newest `accessLogLimit` lines, in the file's order.
  expect(inMemory).toEqual(lines.slice(-2_500));
}, 120_000);
