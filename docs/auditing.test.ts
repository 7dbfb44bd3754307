import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { docCommands, providerYearExport, runDocCommand } from './auditing.fixtures.js';

// docs/auditing.md shows real output: each command runs here on a fresh export of the provider's year.
const page = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'auditing.md'), 'utf8');

let dir: string;
beforeAll(async () => {
  dir = await providerYearExport();
});

describe('docs/auditing.md: every command prints what the page shows', () => {
  it.each(docCommands(page).map((pair) => [pair.command, pair.expected]))('%s', async (command, expected) => {
    expect(await runDocCommand(dir, command)).toBe(expected);
  });
});
