// The control API against cross-site requests: a web page can make the operator's browser POST to
// 127.0.0.1 (`text/plain` needs no CORS preflight), so a request with another Origin, a Host that is
// not a loopback address, or a POST body not declared JSON is refused and changes nothing.
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createCustom, emulatorForFile } from './harness';

const h = emulatorForFile({ realTime: true });

const LATENCY_RULE = JSON.stringify({ latency: { ms: 1, path: '/v1/*' } });

async function send(method: string, path: string, headers: Record<string, string>, body?: BodyInit) {
  const res = await fetch(`${h.url}${path}`, { method, headers, body });
  return { status: res.status, json: await res.json() };
}

async function installedRules(): Promise<unknown[]> {
  return (await send('GET', '/_emulator/faults', {})).json.data;
}

describe('the control API refuses what a browser on another site could send', () => {
  it('refuses a text/plain POST (the simple request a page can make cross-site) and installs nothing', async () => {
    const res = await send('POST', '/_emulator/faults', { 'Content-Type': 'text/plain;charset=UTF-8' }, LATENCY_RULE);
    expect(res.status).toBe(415);
    expect(res.json.error).toMatchObject({ type: 'invalid_request_error', code: 'control_content_type' });
    expect(await installedRules()).toEqual([]);
  });

  it('refuses form-encoded and undeclared POST bodies', async () => {
    expect((await send('POST', '/_emulator/faults', { 'Content-Type': 'application/x-www-form-urlencoded' }, LATENCY_RULE)).status).toBe(415);
    expect((await send('POST', '/_emulator/faults', { 'Content-Type': 'multipart/form-data; boundary=x' }, LATENCY_RULE)).status).toBe(415);
    expect((await send('POST', '/_emulator/faults', {}, new Blob([LATENCY_RULE]))).status).toBe(415);
    expect(await installedRules()).toEqual([]);
  });

  it('refuses a JSON POST from a foreign origin and installs nothing', async () => {
    for (const origin of ['https://evil.test', 'http://localhost:3000', 'null', `http://evil.test:${h.port}`]) {
      const res = await send('POST', '/_emulator/faults', { 'Content-Type': 'application/json', Origin: origin }, LATENCY_RULE);
      expect(res.status, origin).toBe(403);
      expect(res.json.error).toMatchObject({ type: 'invalid_request_error', code: 'control_origin_refused' });
    }
    expect(await installedRules()).toEqual([]);
  });

  it('keeps the state when a foreign page posts to reset, and refuses its reads and deletes', async () => {
    const account = await createCustom(h.stripe);
    expect((await send('POST', '/_emulator/reset', { 'Content-Type': 'text/plain' })).status).toBe(415);
    expect((await send('POST', '/_emulator/reset', { 'Content-Type': 'application/json', Origin: 'https://evil.test' })).status).toBe(403);
    expect((await h.stripe.accounts.retrieve(account.id)).id).toBe(account.id);

    expect((await send('POST', '/_emulator/faults', { 'Content-Type': 'application/json' }, LATENCY_RULE)).status).toBe(200);
    expect((await send('DELETE', '/_emulator/faults', { Origin: 'https://evil.test' })).status).toBe(403);
    expect(await installedRules()).toHaveLength(1);
    expect((await send('GET', '/_emulator/requests', { Origin: 'https://evil.test' })).status).toBe(403);
  });

  it('refuses a Host that is not a loopback address (DNS rebinding), without an Origin', async () => {
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: h.port, method: 'POST', path: '/_emulator/faults', headers: { Host: `rebound.evil.test:${h.port}`, 'Content-Type': 'application/json' } }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end(LATENCY_RULE);
    });
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.body).error.code).toBe('control_host_refused');
    expect(await installedRules()).toEqual([]);
  });

  it('serves local tools: JSON without an Origin, or from its own loopback origin', async () => {
    expect((await send('POST', '/_emulator/faults', { 'Content-Type': 'application/json; charset=utf-8' }, LATENCY_RULE)).status).toBe(200);
    expect((await send('POST', '/_emulator/faults', { 'Content-Type': 'application/json', Origin: `http://127.0.0.1:${h.port}` }, LATENCY_RULE)).status).toBe(200);
    expect((await send('GET', '/_emulator/faults', { Origin: `http://localhost:${h.port}` })).status).toBe(200);
    expect(await installedRules()).toHaveLength(2);
    expect((await send('POST', '/_emulator/reset', { 'Content-Type': 'application/json' })).json).toMatchObject({ ok: true, accounts: 0 });
  });
});
