// Takes a screenshot of a page in Debian chromium: node scripts/screenshot.mjs <url> <out.png> [width] [height] [js on|off]
import { chromium } from 'playwright-core';
const [,, url, out, width = '1280', height = '2000', js = 'on'] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'] });
const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) }, javaScriptEnabled: js === 'on' });
await page.goto(url);
await page.screenshot({ path: out, fullPage: false });
await browser.close();
