// Drives headless Chromium over /docs as a user does: the page lists the operations, "Authorize" takes a token,
// and "Try it out" on GET /users/me shows the caller's profile. Run by DocsPageBrowserIT:
//   PLAYWRIGHT_CORE=.../node_modules/playwright-core BASE_URL=http://127.0.0.1:PORT TOKEN=... SCREENSHOT=file.png \
//   CHROMIUM=/usr/bin/chromium node docs-page.cjs
// Prints one line per step; exits non-zero, naming the step, when one fails.
const { chromium } = require(process.env.PLAYWRIGHT_CORE);

const base = process.env.BASE_URL;
const token = process.env.TOKEN;
const screenshot = process.env.SCREENSHOT;

async function step(name, action) {
  try {
    const result = await action();
    console.log(`ok ${name}${result === undefined ? '' : ': ' + result}`);
    return result;
  } catch (failure) {
    console.log(`FAILED ${name}: ${failure.message.split('\n')[0]}`);
    throw failure;
  }
}

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
  let page;
  try {
    page = await browser.newPage({ viewport: { width: 1280, height: 1600 } });
    await step('/docs loads', async () => {
      const response = await page.goto(`${base}/docs`);
      if (response.status() !== 200) throw new Error(`status ${response.status()}`);
      await page.waitForSelector('.opblock', { timeout: 30000 });
    });
    await step('lists the operations', async () => {
      const count = await page.locator('.opblock').count();
      if (count < 30) throw new Error(`only ${count} operations`);
      const paths = await page.locator('.opblock-summary-path').allTextContents();
      if (!paths.some(p => p.replace(/\u200b/g, '') === '/users/me')) throw new Error('no /users/me');
      return `${count} operations`;
    });
    await step('Authorize takes the token', async () => {
      await page.click('.auth-wrapper .btn.authorize');
      await page.fill('.modal-ux input[type=text], .modal-ux input:not([type])', token);
      await page.click('.modal-ux .auth-btn-wrapper .btn.modal-btn.auth.authorize');
      await page.waitForSelector('.modal-ux .auth-btn-wrapper .btn-done, .modal-ux button:has-text("Logout")');
      await page.click('.modal-ux .btn-done, .modal-ux .close-modal');
    });
    const operation = page.locator('.opblock-get', {
      has: page.locator('.opblock-summary-path', { hasText: /^\/users\/me$/ }),
    }).first();
    await step('Try it out on GET /users/me shows the profile', async () => {
      await operation.locator('.opblock-summary').click();
      await operation.locator('.try-out__btn').click();
      await operation.locator('.execute').click();
      const status = operation.locator('.live-responses-table tr.response .response-col_status').first();
      await status.waitFor({ timeout: 30000 });
      const code = (await status.textContent()).trim();
      const bodyCell = operation.locator('.live-responses-table tr.response .response-col_description pre').first();
      await bodyCell.scrollIntoViewIfNeeded();
      const body = await bodyCell.textContent();
      if (!code.startsWith('200')) throw new Error(`status ${code}: ${body.slice(0, 200)}`);
      if (!body.includes('"user_id"') || !body.includes(process.env.USER_ID)) {
        throw new Error(`body without the profile: ${body.slice(0, 200)}`);
      }
      return `status ${code}`;
    });
  } finally {
    if (page) {
      await page.screenshot({ path: screenshot, fullPage: false }).catch(() => {});
      console.log(`screenshot ${screenshot}`);
    }
    await browser.close();
  }
})().catch(() => process.exit(1));
