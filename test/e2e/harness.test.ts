import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { serve, serveLogged } from './harness';

// The test servers are closed inside tests: a close that waits on an idle socket eats the test's time limit.
describe('test servers', () => {
  it.each([
    ['serve', () => serve({ '/': { body: 'ok' } })],
    ['serveLogged', () => serveLogged({ '/': { body: 'ok' } })],
  ])('%s closes at once although a client holds a connection without a request (as a browser preconnect does)', async (_, start) => {
    const server = await start();
    const { port } = new URL(server.origin);
    const socket = connect(Number(port), '127.0.0.1');
    await new Promise<void>((ok, fail) => socket.once('connect', ok).once('error', fail));
    const closed = new Promise<void>((ok) => socket.once('close', () => ok()));
    const began = Date.now();
    await server.close();
    await closed;
    expect(Date.now() - began).toBeLessThan(2000);
  });
});
