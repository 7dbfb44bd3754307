import { createClaimsRegister, formatPence, formatPenceDifference, providerClaimsRegister, runProjection, schoolClaimsRegister, type StoredEvent } from '@itt-ledger/core';
import { UsageError } from '../io.js';
import type { ReportCommand } from '../report.js';
import { dayOf, ledgerEvents } from './events.js';
import { PROVIDER_OPTION, SCHOOL_OPTION, STANDARD_RULES, TODAY_OPTION, YEAR_OPTION, academicYearOption, stringOption, todayOf, words, type ReportRules } from './options.js';

/**
 * `itt-ledger funding`: the claims register (`providerClaimsRegister` or `schoolClaimsRegister`) as it stood:
 * each mentor line with its amount, the rates and where they come from, money paid beside the amount now
 * due, and how each amount was reached, re-derivations after a rule correction included.
 */
export const fundingReport = ({ ruleBook }: ReportRules = STANDARD_RULES): ReportCommand => ({
  name: 'funding',
  summary: 'mentor-training funding claims: lines, rates and their sources, amounts paid and due, how each amount was reached',
  access: { audience: ['funding', 'provider_leadership', 'auditor'], personalFields: [] },
  options: { ...PROVIDER_OPTION, ...SCHOOL_OPTION, ...YEAR_OPTION, ...TODAY_OPTION },
  run: async (context) => {
    const providerId = stringOption(context, 'provider');
    const schoolId = stringOption(context, 'school');
    if ((providerId === undefined) === (schoolId === undefined)) throw new UsageError('funding needs one of --provider ID (its register) or --school ID (the school\'s claims)');
    const academicYear = academicYearOption(context, todayOf(context));
    const state = runProjection(createClaimsRegister(ruleBook), (await ledgerEvents(context)) as readonly StoredEvent<never>[]);
    const { claims, lines, totals } = providerId !== undefined ? providerClaimsRegister(state, providerId, academicYear) : schoolClaimsRegister(state, schoolId!, academicYear);
    return {
      title: `Funding claims register: ${providerId ?? schoolId}, ${academicYear}`,
      tables: [
        {
          name: 'lines',
          title: 'Lines',
          columns: [
            { key: 'claim', label: 'claim' },
            { key: 'school', label: 'school' },
            { key: 'mentor', label: 'mentor' },
            { key: 'hours', label: 'hours', align: 'right' },
            { key: 'rate', label: 'rate/h', align: 'right' },
            { key: 'amount', label: 'amount', align: 'right' },
            { key: 'status', label: 'status' },
            { key: 'notAssured', label: 'not assured' },
            { key: 'clawedBackHours', label: 'hours clawed back', align: 'right' },
          ],
          rows: lines.map((line) => ({
            claim: line.claimId,
            school: line.schoolId,
            mentor: line.mentorId,
            hours: line.hours,
            rate: formatPence(line.rate.pence),
            amount: formatPence(line.amountPence),
            status: words(line.status),
            notAssured: line.notAssured,
            clawedBackHours: line.clawedBackHours,
          })),
        },
        {
          name: 'claims',
          title: 'Claims: the amount now due beside the money paid',
          columns: [
            { key: 'claim', label: 'claim' },
            { key: 'school', label: 'school' },
            { key: 'region', label: 'region' },
            { key: 'claimant', label: 'claimant' },
            { key: 'status', label: 'status' },
            { key: 'due', label: 'amount now', align: 'right' },
            { key: 'paid', label: 'paid', align: 'right' },
            { key: 'paidRate', label: 'paid at', align: 'right' },
            { key: 'reference', label: 'payment' },
            { key: 'clawedBack', label: 'clawed back', align: 'right' },
          ],
          rows: claims.map((claim) => ({
            claim: claim.claimId,
            school: claim.schoolId,
            region: words(claim.region),
            claimant: claim.claimant,
            status: words(claim.status),
            due: formatPence([...claim.lines.values()].reduce((sum, line) => sum + line.amountPence, 0)),
            paid: formatPence(claim.paidPence),
            paidRate: claim.paidRatePence === undefined ? undefined : `${formatPence(claim.paidRatePence)}/h`,
            reference: claim.paymentReference,
            clawedBack: formatPence(claim.clawedBackPence),
          })),
        },
        {
          name: 'rates',
          title: 'Rates and their sources',
          columns: [
            { key: 'claim', label: 'claim' },
            { key: 'rate', label: 'rate/h', align: 'right' },
            { key: 'source', label: 'source' },
            { key: 'rule', label: 'domain.md' },
            { key: 'corrected', label: 'corrected because' },
          ],
          rows: claims.map((claim) => ({ claim: claim.claimId, rate: formatPence(claim.rate.pence), source: claim.rate.source, rule: claim.rate.rule, corrected: claim.rate.correctedBecause })),
        },
        {
          name: 'history',
          title: 'How each amount was reached',
          columns: [
            { key: 'claim', label: 'claim' },
            { key: 'mentor', label: 'mentor' },
            { key: 'recorded', label: 'recorded' },
            { key: 'hours', label: 'hours', align: 'right' },
            { key: 'rate', label: 'rate/h', align: 'right' },
            { key: 'amount', label: 'amount', align: 'right' },
            { key: 'change', label: 'change', align: 'right' },
            { key: 'reason', label: 'why' },
            { key: 'source', label: 'source' },
          ],
          rows: lines.flatMap((line) =>
            line.history.map((change) => ({
              claim: line.claimId,
              mentor: line.mentorId,
              recorded: dayOf(change.recordedAt),
              hours: change.hours,
              rate: formatPence(change.ratePence),
              amount: formatPence(change.amountPence),
              change: change.previousAmountPence === undefined ? undefined : formatPenceDifference(change.amountPence - change.previousAmountPence),
              reason: change.reason,
              source: change.source,
            })),
          ),
        },
      ],
      summary: {
        claims: totals.claims,
        lines: totals.lines,
        hours: totals.hours,
        'amount now': formatPence(totals.amountPence),
        paid: formatPence(totals.paidPence),
        'clawed back': formatPence(totals.clawedBackPence),
      },
    };
  },
});
