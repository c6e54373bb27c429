// Every resource's routes, in one list.
import type { Router } from '../core/router';
import { accountRoutes } from './accounts';
import { appSecretRoutes } from './apps-secrets';
import { customerRoutes } from './customers';
import { priceRoutes } from './prices';
import { capabilityRoutes } from './capabilities';
import { countrySpecRoutes } from './country-specs';
import { eventRoutes } from './events';
import { externalAccountRoutes } from './external-accounts';
import { linkRoutes } from './links';
import { moneyRoutes } from '../money';
import { payoutRoutes } from './payouts';
import { personRoutes } from './persons';
import { radarRoutes } from './radar';
import { subscriptionRoutes } from './subscriptions';
import { subscriptionScheduleRoutes } from './subscription-schedules';
import { testClockRoutes } from './test-clocks';
import { topupRoutes } from './topups';
import { webhookEndpointRoutes } from './webhook-endpoints';

export function registerResources(router: Router): void {
  router.add(...accountRoutes, ...capabilityRoutes, ...personRoutes, ...externalAccountRoutes, ...linkRoutes, ...countrySpecRoutes);
  router.add(...topupRoutes, ...radarRoutes, ...testClockRoutes, ...appSecretRoutes, ...eventRoutes, ...webhookEndpointRoutes);
  router.add(...moneyRoutes);
  router.add(...payoutRoutes);
  router.add(...customerRoutes, ...priceRoutes, ...subscriptionScheduleRoutes, ...subscriptionRoutes);
}
