import { type IncomingMessage, request } from 'node:http';
import type { PipelineResult } from '../../lib/emulator/pipeline';
import { type GatewayHandler, serveGateway } from '../../lib/emulator/server';

/** A gateway that answers 200 with the size of the body it received. */
const gateway: GatewayHandler = {
  handle: async (gatewayRequest) =>
    ({
      response: {
        statusCode: 200,
        headers: [['Content-Type', 'text/plain']],
        body: Buffer.from(`${gatewayRequest.body.length}`),
      },
    }) as unknown as PipelineResult,
};

test('a client that disconnects in the middle of its body is no emulator fault: no warning, and the server keeps serving', async () => {
  const server = await serveGateway(gateway, { port: 0 });
  const emitWarning = jest.spyOn(process, 'emitWarning');
  try {
    // The server has the request and is reading its body when the client goes away.
    const received = new Promise<IncomingMessage>((resolve) => server.server.once('request', resolve));
    const aborted = request(`${server.url}/v1/upload`, { method: 'POST', headers: { 'content-length': '1000' } });
    aborted.on('error', () => {});
    aborted.write('abc');
    const incoming = await received;
    const closed = new Promise((resolve) => incoming.once('close', resolve));
    aborted.destroy();
    await closed;
    await new Promise((resolve) => setImmediate(resolve));
    const response = await fetch(`${server.url}/v1/next`, { method: 'POST', body: 'hello' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('5');
    expect(emitWarning).not.toHaveBeenCalled();
  } finally {
    emitWarning.mockRestore();
    await server.close();
  }
});
