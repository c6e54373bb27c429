// Every console page with a demo-seed object where it needs one: the pages the accessibility and
// phone journeys visit. One list, so a new page is added once.
import { SAMPLE_ACCOUNT_ID, SAMPLE_BILLING, SAMPLE_MONEY, SAMPLE_RISK_ACCOUNT_ID, SAMPLE_RISK_OBJECTS, SAMPLE_SCHEDULE } from '../../tests/fixtures/routes';

export const CONSOLE_PAGES = [
  '/',
  '/accounts',
  `/accounts/${SAMPLE_ACCOUNT_ID}`,
  '/transfers',
  `/transfers/${SAMPLE_MONEY.transfer}`,
  '/transfers/reversals',
  `/transfers/reversals/${SAMPLE_MONEY.reversal}`,
  '/application-fees',
  `/application-fees/${SAMPLE_MONEY.fee}`,
  `/application-fees/refunds/${SAMPLE_MONEY.feeRefund}`,
  '/topups',
  `/topups/${SAMPLE_MONEY.topup}`,
  '/payouts',
  '/payouts?tab=failed',
  '/billing',
  '/billing/test-clocks',
  `/billing/schedules/${SAMPLE_SCHEDULE.id}?account=${SAMPLE_SCHEDULE.account}`,
  // Watching a demo rehearsal on its clock: the phases, invoices, fees and forms.
  `/billing/test-clocks?account=${SAMPLE_BILLING.clockAccount}&clock=${SAMPLE_BILLING.clock}`,
  '/risk',
  `/risk/accounts/${SAMPLE_RISK_ACCOUNT_ID}`,
  `/risk/charges/${SAMPLE_RISK_OBJECTS.charge}?account=${SAMPLE_RISK_OBJECTS.account}`,
  `/risk/early-fraud-warnings/${SAMPLE_RISK_OBJECTS.warning}?account=${SAMPLE_RISK_OBJECTS.account}`,
  `/risk/reviews/${SAMPLE_RISK_OBJECTS.review}?account=${SAMPLE_RISK_OBJECTS.reviewAccount}`,
  '/approvals',
  '/approvals/policies',
  '/audit',
  '/team',
  '/data-sync',
];
