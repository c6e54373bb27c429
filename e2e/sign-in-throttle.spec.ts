// Five wrong passwords pause sign-in for that e-mail, and the form says so plainly and for how
// long, in words that do not tell whether the e-mail belongs to an operator (an unknown one here,
// so no shared demo account is paused for the other journeys).
import { expect, test } from '@playwright/test';

test('after five failures the form says sign-in is paused, and for how long', async ({ page }) => {
  await page.goto('/sign-in');
  const email = `paused-${Date.now()}@demo.test`;
  for (let attempt = 1; attempt <= 6; attempt += 1) {
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password').fill(`wrong-${attempt}`);
    await page.getByTestId('sign-in-submit').click();
    const expected = attempt <= 5 ? 'That e-mail and password do not match an active operator.' : /^Sign-in is paused after too many failed attempts\. Try again in 15 minutes\.$/;
    await expect(page.getByTestId('sign-in-error')).toHaveText(expected);
    await expect(page.getByTestId('sign-in-submit')).toBeEnabled();
  }
});
