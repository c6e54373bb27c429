// The parity report: Markdown for people (a summary, then per scenario each step's outcome and its
// differences), JSON for tools (both runs in full and the diff).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { summarize } from './diff';
import type { Json, RunRecord, ScenarioDiff, StepRecord } from './types';

export interface ParityReport {
  emulator: RunRecord;
  stripe: RunRecord | null;
  diff: ScenarioDiff[];
}

const show = (v: Json | undefined) => (v === undefined ? '(absent)' : `\`${JSON.stringify(v)}\``);
const cell = (s: string) => s.replace(/\|/g, '\\|');

function answer(step: StepRecord | null): string {
  if (!step) return '—';
  if (!step.error) return String(step.status);
  return `${step.status} ${[step.error.type, step.error.code, step.error.param].filter(Boolean).join(' / ')}`;
}

export function toMarkdown(report: ParityReport): string {
  const { emulator, stripe, diff } = report;
  const counts = summarize(diff);
  const lines: string[] = [];
  lines.push(`# Parity run, ${emulator.startedAt}`, '');
  lines.push(`- stripe-node ${emulator.sdkVersion}, API version ${emulator.apiVersion}`);
  lines.push(`- emulator: ${emulator.base} (fresh, empty seed)`);
  lines.push(stripe ? `- Stripe test mode: ${stripe.base}` : '- **Stripe: not run** (no `STRIPE_PARITY_KEY`): the emulator alone, nothing compared');
  lines.push('', `Steps: ${counts.equal} equal, ${counts.different} different, ${counts['emulator only']} emulator only, ${counts['stripe only']} Stripe only.`, '');
  lines.push('| scenario | steps | equal | different | emulator only | stopped |', '| --- | --- | --- | --- | --- | --- |');
  for (const s of diff) {
    const n = (o: string) => s.steps.filter((x) => x.outcome === o).length;
    const stopped = [s.emulatorError ? 'emulator' : '', s.stripeError ? 'Stripe' : ''].filter(Boolean).join(', ') || 'no';
    lines.push(`| ${cell(s.scenario)} | ${s.steps.length} | ${n('equal')} | ${n('different')} | ${n('emulator only')} | ${stopped} |`);
  }
  for (const s of diff) {
    lines.push('', `## ${s.scenario}`, '');
    if (s.emulatorError) lines.push(`**Stopped on the emulator:** ${s.emulatorError}`, '');
    if (s.stripeError) lines.push(`**Stopped on Stripe:** ${s.stripeError}`, '');
    lines.push('| # | step | emulator | Stripe | outcome |', '| --- | --- | --- | --- | --- |');
    s.steps.forEach((step, i) => lines.push(`| ${i + 1} | ${cell(step.step)} | ${cell(answer(step.emulator))} | ${cell(answer(step.stripe))} | ${step.outcome} |`));
    for (const [i, step] of s.steps.entries()) {
      if (step.differences.length === 0) continue;
      lines.push('', `Step ${i + 1}, ${step.step}:`, '');
      for (const d of step.differences) {
        if (d.what === 'fields') lines.push(d.emulator !== undefined ? `- field \`${String(d.emulator)}\`: emulator only` : `- field \`${String(d.stripe)}\`: Stripe only`);
        else lines.push(`- \`${d.what}\`: emulator ${show(d.emulator)}, Stripe ${show(d.stripe)}`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Both runs in full, and the diff without copies of the steps (they are in the runs). */
export function toJson(report: ParityReport): string {
  const diff = report.diff.map((s) => ({ ...s, steps: s.steps.map(({ step, outcome, differences }) => ({ step, outcome, differences })) }));
  return `${JSON.stringify({ summary: summarize(report.diff), emulator: report.emulator, stripe: report.stripe, diff }, null, 2)}\n`;
}

/** Writes `parity-<time>.md` and `.json` into `dir`; returns their paths. */
export function writeReport(report: ParityReport, dir: string): { markdown: string; json: string } {
  mkdirSync(dir, { recursive: true });
  const stamp = report.emulator.startedAt.replace(/[:.]/g, '-');
  const markdown = path.join(dir, `parity-${stamp}.md`);
  const json = path.join(dir, `parity-${stamp}.json`);
  writeFileSync(markdown, toMarkdown(report));
  writeFileSync(json, toJson(report));
  return { markdown, json };
}
