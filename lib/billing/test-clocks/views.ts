// What the test clock panel shows of a clock and the rehearsals on it: plain data, the same for the
// server's prefetch and the browser's GET (app/api/billing/test-clocks/...). Client-safe types.

export interface PhaseView {
  startDate: number;
  endDate: number;
  feePercent: number | null;
  currency: string;
  items: { price: string; unitAmount: number | null; quantity: number | null; usageType: string | null; interval: string | null }[];
}

export interface InvoiceView {
  id: string;
  number: string | null;
  status: string | null;
  total: number;
  currency: string;
  created: number;
  periodStart: number;
  periodEnd: number;
  charge: string | null;
  /** The platform's application fee on the invoice's charge. */
  fee: { id: string; amount: number; currency: string } | null;
}

export interface RehearsalView {
  customer: { id: string; name: string | null };
  created: number;
  /** Made by this panel (tagged in the schedule's metadata). */
  isRehearsal: boolean;
  schedule: { id: string; status: string; endBehavior: string; currentPhase: number | null; phases: PhaseView[] };
  subscription: { id: string; status: string; items: { id: string; price: string; usageType: string | null; quantity: number | null }[] } | null;
  /** Newest first. */
  invoices: InvoiceView[];
  /** The phase the clock's time falls in (0-based), from the phases' dates. */
  clockPhase: number | null;
}

export interface ClockView {
  clock: { id: string; name: string | null; status: string; frozenTime: number; deletesAfter: number; advancingTo: number | null };
  rehearsals: RehearsalView[];
}

export interface ClockSummary {
  id: string;
  name: string | null;
  status: string;
  frozenTime: number;
  deletesAfter: number;
}
