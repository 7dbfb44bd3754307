import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createIttLedgerRegistry } from './domain.js';
import * as core from './index.js';
import type { AnyProjection } from './kernel/projection.js';
import { createIttLedgerProjections, ittLedgerClaimsRegister, ittLedgerProjections } from './projections.js';
import { createRuleBook, standardRuleBook } from './rules/ruleBook.js';

const isProjection = (value: unknown): value is AnyProjection =>
  typeof value === 'object' && value !== null && 'name' in value && 'eventTypes' in value && 'initialState' in value && 'evolve' in value;

/** Every projection the package exports by name, with that name. */
const exported = Object.entries(core).filter((entry): entry is [string, AnyProjection] => isProjection(entry[1]));

const docsDir = new URL('../../../docs/domain/', import.meta.url);
const docs = readdirSync(docsDir)
  .filter((file) => file.endsWith('.md'))
  .map((file) => readFileSync(new URL(file, docsDir), 'utf8'))
  .join('\n');

describe('ittLedgerProjections', () => {
  it('holds one projection per read model the domain documents, each once', () => {
    expect(ittLedgerProjections.map((projection) => projection.name)).toEqual([
      // docs/domain/placements.md, "Projections and as-of reads"
      'entitlement.placements',
      'entitlement.trainees',
      'entitlement.schools',
      // docs/domain/progress.md, "Reports and their audiences"
      'trainee-progress',
      'irp-records',
      'school-progress',
      'progress-schools',
      'welfare-concerns',
      // docs/domain/mentors.md, "Read models"
      'mentor-training-compliance',
      'mentor-portfolio',
      'lead-mentor-caseload',
      'mentor-support',
      // docs/domain/funding.md, "Projections"
      'funding-inputs',
      'funding-claims-register',
    ]);
    expect(new Set(ittLedgerProjections).size).toBe(ittLedgerProjections.length);
  });

  it('includes every projection the package exports, and the docs name each one', () => {
    const included = new Set(ittLedgerProjections);
    expect(exported.filter(([, projection]) => !included.has(projection)).map(([name]) => name)).toEqual([]);
    for (const projection of ittLedgerProjections) {
      const names = exported.filter(([, candidate]) => candidate === projection).map(([name]) => name);
      if (projection === ittLedgerClaimsRegister) names.push('createClaimsRegister');
      expect(names.some((name) => docs.includes(`\`${name}\``) || docs.includes(`\`${name}(`)) || docs.includes(`\`${projection.name}\``), projection.name).toBe(true);
    }
  });

  it('reads only event types the domain registry knows', () => {
    const known = new Set(createIttLedgerRegistry().types);
    expect(ittLedgerProjections.flatMap((projection) => projection.eventTypes).filter((type) => !known.has(type))).toEqual([]);
  });

  it('prices claims with the rule book it is built with', () => {
    const own = createIttLedgerProjections(createRuleBook(standardRuleBook.ruleSets));
    expect(own.claimsRegister).not.toBe(ittLedgerClaimsRegister);
    expect(own.all).toContain(own.claimsRegister);
    expect(own.all.map((projection) => projection.name)).toEqual(ittLedgerProjections.map((projection) => projection.name));
    expect(createIttLedgerProjections().all).not.toBe(ittLedgerProjections);
  });
});
