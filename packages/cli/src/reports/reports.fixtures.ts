import { manualClock, seededIds, type StoredEvent } from '@itt-ledger/core';
import { runFundingYear, runMentorYear, runPlacementTerm, runRecoveryPlan } from '@itt-ledger/core/testing';
import { createInMemoryEventStore } from '@itt-ledger/store-memory';
import { expect } from 'vitest';
import { createCli } from '../cli.js';
import { domainRegistry, domainReports } from '../domain.js';
import { EXIT } from '../io.js';
import type { ReportCommand } from '../report.js';
import { connectTo, memoryIo, tempDir } from '../testing.fixtures.js';

/** The recovery plan scenario's welfare note: no report but a welfare view may show any part of it. */
export const WELFARE_NOTE = 'Trainee mentioned sleeping badly while caring for a relative; referred to the wellbeing service.';

/**
 * The core scenarios on one store of the whole domain: a term of placements (Ada, Ben, Cat, Dan), Ada's
 * review points and recovery plan (with a welfare note), a mentor year at Horton Grange, and a funding year
 * at Oakfield. Each scenario sets the clock for its own steps.
 */
export const scenarioStore = async () => {
  const clock = manualClock('2024-07-01T08:00:00.000Z');
  const store = createInMemoryEventStore({ registry: domainRegistry, clock, ids: seededIds(11) });
  await runPlacementTerm({ store, clock });
  await runRecoveryPlan({ store, clock });
  await runMentorYear({ store, clock });
  await runFundingYear({ store, clock });
  return store;
};

/** The scenarios exported with the CLI to `scenarios.jsonl` in a new directory; the reports read that file. */
export const exportedScenarios = async () => {
  const dir = await tempDir();
  const store = await scenarioStore();
  const { io, out } = memoryIo(dir);
  const cli = createCli({ registry: domainRegistry, reports: domainReports, connect: connectTo(store) });
  expect(await cli.run(['export', '--esdb', 'esdb://scenarios', '--to', 'scenarios.jsonl'], io), out.stderr).toBe(EXIT.ok);
  return { dir, events: (await store.readAll()) as readonly StoredEvent[] };
};

/** Runs `itt-ledger …` in-process in `dir`; resolves to the exit code and what it printed. */
export const itt = async (dir: string, argv: readonly string[], reports: readonly ReportCommand[] = domainReports) => {
  const { io, out } = memoryIo(dir);
  const code = await createCli({ registry: domainRegistry, reports }).run(argv, io);
  return { code, ...out };
};

/** A report as JSON (`--json`): fails the test on any error output. */
export const ittJson = async (dir: string, argv: readonly string[], reports?: readonly ReportCommand[]) => {
  const result = await itt(dir, [...argv, '--json'], reports);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(EXIT.ok);
  return JSON.parse(result.stdout) as {
    title: string;
    meta: Record<string, string>;
    summary?: Record<string, unknown>;
    timeline?: { date: string; recordedAt?: string; kind: string; text: string; correction?: string }[];
    weeks?: { week: string; entitledMinutes: number; receivedMinutes: number; exemptReason?: string }[];
    tables?: { name: string; rows: Record<string, unknown>[] }[];
  };
};
