// How the runner records steps and when it stops a scenario, with calls that throw Stripe's errors
// themselves (no backend): an `either` step refused for an unknown parameter stops its scenario.
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { runScenarios } from './run';
import type { Scenario } from './scenarios/types';

const stripe = new Stripe('sk_test_run', { host: '127.0.0.1', port: 9, protocol: 'http' });
const refusal = (raw: { code?: string; param?: string; message: string }) =>
  Stripe.errors.StripeError.generate({ type: 'invalid_request_error', statusCode: 400, ...raw } as Parameters<typeof Stripe.errors.StripeError.generate>[0]);

async function runOne(run: Scenario['run']) {
  const record = await runScenarios({ target: 'emulator', stripe, base: 'none', runId: 'r', scenarios: [{ name: 's', run }] });
  return record.scenarios[0];
}

describe('runScenarios', () => {
  it('stops the scenario when an either step is refused for an unknown parameter, after recording it', async () => {
    const s = await runOne(async (ctx) => {
      await ctx.either('try a parameter', () => Promise.reject(refusal({ code: 'parameter_unknown', param: 'nickname', message: 'Received unknown parameter: nickname' })));
      await ctx.call('never reached', () => Promise.resolve({}));
    });
    expect(s.steps.map((x) => [x.name, x.error?.code])).toEqual([['try a parameter', 'parameter_unknown']]);
    expect(s.error).toBe('step "try a parameter" was refused for an unknown parameter (nickname): Received unknown parameter: nickname');
  });

  it('likewise for an invalid request that says so without the code', async () => {
    const s = await runOne((ctx) => ctx.either('try', () => Promise.reject(refusal({ message: 'Received unknown parameter: foo' }))));
    expect(s.error).toMatch(/refused for an unknown parameter/);
  });

  it('goes on after an either step refused for another reason, or a success', async () => {
    const s = await runOne(async (ctx) => {
      await ctx.either('refused otherwise', () => Promise.reject(refusal({ code: 'account_invalid', message: 'no' })));
      await ctx.either('succeeds', () => Promise.resolve({ object: 'thing' }));
      await ctx.refused('an expected unknown parameter', () => Promise.reject(refusal({ code: 'parameter_unknown', param: 'x', message: 'Received unknown parameter: x' })));
    });
    expect(s.error).toBeNull();
    expect(s.steps.map((x) => x.name)).toEqual(['refused otherwise', 'succeeds', 'an expected unknown parameter']);
  });
});
