// The banner's words: none while the backend answers; for the emulator, whether the start script
// restarts it (and that its demo data starts over) or how to start it; for Stripe, no restart.
import { describe, expect, it } from 'vitest';
import { backendDownWords, type BackendStatus } from './backend-status';

const base: BackendStatus = { reachable: false, backend: 'emulator', supervised: true, apiBase: 'http://127.0.0.1:12111', emulatorPort: 12111, checkedAt: 0 };

describe('backendDownWords', () => {
  it('says nothing while the backend answers', () => {
    expect(backendDownWords({ ...base, reachable: true })).toBeNull();
  });

  it('under the start script: the emulator is being restarted and its demo data starts over', () => {
    const w = backendDownWords(base)!;
    expect(w.title).toBe('The Stripe backend (emulator) is not answering.');
    expect(w.body).toContain('http://127.0.0.1:12111');
    expect(w.body).toContain('the audit log and the team page keep working');
    expect(w.action).toMatch(/^The start script restarts it by itself/);
    expect(w.action).toContain('demo data starts over');
  });

  it('run by hand: says how to start it again, on its port', () => {
    const w = backendDownWords({ ...base, supervised: false, emulatorPort: 12350 })!;
    expect(w.action).toContain('EMULATOR_PORT=12350 npm run emulator');
    expect(w.action).not.toMatch(/restarts it by itself, within/);
  });

  it('with a Stripe key: Stripe cannot be reached, and nothing here restarts', () => {
    const w = backendDownWords({ ...base, backend: 'stripe', apiBase: 'https://api.stripe.com' })!;
    expect(w.title).toBe('Stripe cannot be reached.');
    expect(w.body).toContain('https://api.stripe.com');
    expect(w.action).toMatch(/^Nothing restarts here/);
    expect(`${w.title} ${w.body} ${w.action}`).not.toMatch(/emulator|demo data/);
  });
});
