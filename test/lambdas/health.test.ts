import { handler } from '../../lambdas/health';
import { bodyOf, restEvent } from './events';

test('GET /health reports ok and the version stage variable', async () => {
  const res = await handler(restEvent('GET', { resource: '/health', stageVariables: { version: '2.1.0' } }));
  expect(res.statusCode).toBe(200);
  expect(res.headers).toMatchObject({ 'content-type': 'application/json' });
  expect(bodyOf(res)).toEqual({ status: 'ok', version: '2.1.0' });
});

test('GET /health reports a null version when the stage has no variables', async () => {
  const res = await handler(restEvent('GET', { resource: '/health' }));
  expect(bodyOf(res)).toEqual({ status: 'ok', version: null });
});
