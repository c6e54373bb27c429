// Every resource's routes, in one list.
import type { Router } from '../core/router';
import { accountRoutes } from './accounts';
import { capabilityRoutes } from './capabilities';
import { countrySpecRoutes } from './country-specs';
import { externalAccountRoutes } from './external-accounts';
import { linkRoutes } from './links';
import { personRoutes } from './persons';

export function registerResources(router: Router): void {
  router.add(...accountRoutes, ...capabilityRoutes, ...personRoutes, ...externalAccountRoutes, ...linkRoutes, ...countrySpecRoutes);
}
