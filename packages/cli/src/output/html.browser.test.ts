import { existsSync } from 'node:fs';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { endOfDay, entitlementAsOf, traineeEntitlement } from '@itt-ledger/core';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../io.js';
import { exportedScenarios, itt } from '../reports/reports.fixtures.js';
import { tempDir } from '../testing.fixtures.js';
import { renderHtml } from './html.js';
import { replayMeta, replayReport } from './html.fixtures.js';

// Debian's chromium, which .ci/run installs. Locally it may be missing: the suite then says so in its
// name and skips; in CI (CI=true) a missing browser is a failure, never a silent skip.
const CHROMIUM = '/usr/bin/chromium';
const present = existsSync(CHROMIUM);
const inCi = process.env.CI === 'true' || process.env.CI === '1';
const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), '../../../../.artifacts');

const skipLocally = !present && !inCi;

describe.skipIf(skipLocally)(skipLocally ? `the HTML report in headless Chromium (skipped: no browser at ${CHROMIUM})` : 'the HTML report in headless Chromium', () => {
  let browser: Browser;
  let url: string;
  let scenarios: Awaited<ReturnType<typeof exportedScenarios>>;
  beforeAll(async () => {
    scenarios = await exportedScenarios();
    if (!present) throw new Error(`Chromium is not installed at ${CHROMIUM}: .ci/run installs it (apt-get install chromium)`);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const file = join(await tempDir(), 'report.html');
    await writeFile(file, renderHtml(replayReport, replayMeta));
    url = pathToFileURL(file).href;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('renders the timeline and one bar group per week, short weeks marked; fetches nothing; takes a screenshot', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url);

    expect(await page.locator('h1').textContent()).toBe('Trainee tr-7 (Ada Lovelace): placement history');
    expect(await page.locator('ol.timeline > li').count()).toBe(4);
    // The correction sits beside the entry it corrected, on the same row, to its right.
    const corrected = page.locator('ol.timeline > li.corrected');
    expect(await corrected.count()).toBe(1);
    const entryBox = (await corrected.locator('.entry').boundingBox())!;
    const correctionBox = (await corrected.locator('.correction').boundingBox())!;
    expect(correctionBox.x).toBeGreaterThan(entryBox.x + entryBox.width - 1);
    expect(Math.abs(correctionBox.y - entryBox.y)).toBeLessThan(2);
    expect(await corrected.locator('.correction').textContent()).toBe('corrected to 45 minutes on 2024-09-20: "the clock was wrong"');

    const weeks = page.locator('svg.chart g.week');
    expect(await weeks.count()).toBe(6);
    expect(await weeks.evaluateAll((groups) => groups.map((g) => g.getAttribute('data-week')))).toEqual(replayReport.weeks!.map((w) => w.week));
    expect(await page.locator('svg.chart text.week-label').allTextContents()).toEqual(replayReport.weeks!.map((w) => w.week));
    expect(await page.locator('svg.chart g.week.short').evaluateAll((groups) => groups.map((g) => g.getAttribute('data-week')))).toEqual(['2024-09-23', '2024-10-28']);
    expect(await page.locator('svg.chart g.week.short text.short-mark').count()).toBe(2);

    // Drawn, and to scale: 45 received is half the height of the 90 bar.
    const received = await page.locator('svg.chart rect.bar.received').evaluateAll((bars) => bars.map((bar) => bar.getBoundingClientRect().height));
    expect(received[2]).toBeGreaterThan(50);
    expect(received[0]! / received[2]!).toBeCloseTo(0.5, 2);
    expect(received[4]).toBe(0);
    const hatch = await page.locator('svg.chart g.week.short rect.short-band').first().evaluate((band) => band.ownerDocument.defaultView!.getComputedStyle(band).fill);
    expect(hatch).toContain('short-hatch');

    expect(requests).toEqual([url]);
    expect(errors).toEqual([]);

    await mkdir(ARTIFACTS, { recursive: true });
    const screenshot = join(ARTIFACTS, 'report.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    expect((await stat(screenshot)).size).toBeGreaterThan(10_000);
    await page.close();
  });

  it("renders a real replay: Dan's timeline with his corrected meeting, and the domain's weeks as bars", async () => {
    const replay = await itt(scenarios.dir, ['replay', '--trainee', 'trainee-dan', '--file', 'scenarios.jsonl', '--as-of', '2024-12-04', '--html', 'dan.html']);
    expect(replay).toMatchObject({ code: EXIT.ok, stdout: 'wrote dan.html\n', stderr: '' });
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    const file = pathToFileURL(join(scenarios.dir, 'dan.html')).href;
    await page.goto(file);

    expect(await page.locator('h1').textContent()).toBe('Trainee trainee-dan (Dan Reid): history');
    const corrected = page.locator('ol.timeline > li.corrected');
    expect(await corrected.locator('.correction').allTextContents()).toEqual([
      'corrected 45 → 90 min on 2024-09-20: the meeting ran on; 45 was a typo',
      'withdrawn on 2024-11-08: entered twice',
    ]);
    const entryBox = (await corrected.first().locator('.entry').boundingBox())!;
    const correctionBox = (await corrected.first().locator('.correction').boundingBox())!;
    expect(correctionBox.x).toBeGreaterThan(entryBox.x + entryBox.width - 1);

    // The chart's weeks are the entitlement projection's, as of the same day: every week begun by then.
    const domain = traineeEntitlement(entitlementAsOf(scenarios.events, { occurredAt: endOfDay('2024-12-04') }), 'trainee-dan', { today: '2024-12-04' })!;
    const begun = domain.weeks.filter((week) => week.status !== 'upcoming');
    const weeks = page.locator('svg.chart g.week');
    expect(await weeks.evaluateAll((groups) => groups.map((g) => g.getAttribute('data-week')))).toEqual(begun.map((week) => week.weekStart));
    expect(await page.locator('svg.chart g.week.short').evaluateAll((groups) => groups.map((g) => g.getAttribute('data-week')))).toEqual(
      begun.filter((week) => week.exempt !== undefined).map((week) => week.weekStart),
    );
    // Bars to scale: the 60 minutes received in the week of 4 November are two thirds of a 90-minute bar.
    const received = await page.locator('svg.chart rect.bar.received').evaluateAll((bars) => bars.map((bar) => bar.getBoundingClientRect().height));
    const index = (week: string) => begun.findIndex((w) => w.weekStart === week);
    expect(received[index('2024-11-04')]! / received[index('2024-09-09')]!).toBeCloseTo(60 / 90, 2);
    expect(requests).toEqual([file]);

    await mkdir(ARTIFACTS, { recursive: true });
    const screenshot = join(ARTIFACTS, 'replay-trainee-dan.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    expect((await stat(screenshot)).size).toBeGreaterThan(10_000);
    await page.close();
  });
});
