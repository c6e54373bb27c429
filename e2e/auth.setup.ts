// Setup project: sign in once per demo operator and save the session for the other journeys.
import { test as setup } from '@playwright/test';
import { DEMO, storageStateFor } from './support/roles';
import { signIn } from './support/sign-in';

for (const operator of DEMO) {
  setup(`sign in as ${operator.session}`, async ({ page }) => {
    await signIn(page, operator.email);
    await page.context().storageState({ path: storageStateFor(operator.session as Parameters<typeof storageStateFor>[0]) });
  });
}
