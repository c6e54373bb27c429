// Billing fixtures for the schedule journeys: reads on a connected account's behalf
// (`Stripe-Account`), and the fee a demo schedule's phase produced, found as the console finds it.
import { emulatorUrl } from './env';

const headers = { Authorization: 'Bearer sk_test_emulator' };

export async function accountGet<T>(account: string, path: string): Promise<T> {
  const res = await fetch(`${emulatorUrl()}${path}`, { headers: { ...headers, 'Stripe-Account': account } });
  if (!res.ok) throw new Error(`GET ${path} on ${account} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

type List<T> = { data: T[] };
type Schedule = { id: string; status: string; subscription: string | null; phases: Array<{ start_date: number; end_date: number; application_fee_percent: number | null }> };

/** The newest fee a schedule's subscription produced, with the phase (0-based) and percentage that produced it. */
export async function feeOfSchedule(scheduleId: string, account: string): Promise<{ fee: string; phase: number; percent: number | null }> {
  const schedule = await accountGet<Schedule>(account, `/v1/subscription_schedules/${scheduleId}`);
  const invoices = await accountGet<List<{ id: string; created: number }>>(account, `/v1/invoices?subscription=${schedule.subscription}&status=paid&limit=1`);
  const invoice = invoices.data[0]!;
  const payments = await accountGet<List<{ payment: { charge: string } }>>(account, `/v1/invoice_payments?invoice=${invoice.id}`);
  const fees = await fetch(`${emulatorUrl()}/v1/application_fees?charge=${payments.data[0]!.payment.charge}`, { headers }).then((r) => r.json() as Promise<List<{ id: string }>>);
  const phase = schedule.phases.findIndex((p) => p.start_date <= invoice.created && invoice.created < p.end_date);
  return { fee: fees.data[0]!.id, phase, percent: schedule.phases[phase]!.application_fee_percent };
}

/** A POST on a connected account's behalf (`Stripe-Account`), e.g. a test clock of a journey's own. */
export async function accountPost<T>(account: string, path: string, form: Record<string, string>): Promise<T> {
  const res = await fetch(`${emulatorUrl()}${path}`, {
    method: 'POST',
    headers: { ...headers, 'Stripe-Account': account, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
  if (!res.ok) throw new Error(`POST ${path} on ${account} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}
