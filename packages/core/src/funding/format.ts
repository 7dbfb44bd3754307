import { InvalidArgumentError } from '../kernel/errors.js';
import type { MentorAllowance } from './claimableAmount.js';
import type { AmountChange, RegisterRate } from './register.js';
import type { RegisterView } from './registerViews.js';
import { textTable } from '../text/textTable.js';

const group = (digits: string): string => digits.replace(/\B(?=(\d{3})+$)/g, ',');

/** `£876.00` from 87600 pence: integer arithmetic only, with thousands separated (`£1,314.00`). */
export const formatPence = (pence: number): string => {
  if (!Number.isSafeInteger(pence)) throw new InvalidArgumentError('pence', `expected whole pence, got ${pence}`);
  const sign = pence < 0 ? '-' : '';
  const abs = Math.abs(pence);
  return `${sign}£${group(String(Math.trunc(abs / 100)))}.${String(abs % 100).padStart(2, '0')}`;
};

/** `+£12.40` or `-£3.00`: a difference, always signed. */
export const formatPenceDifference = (pence: number): string => (pence >= 0 ? `+${formatPence(pence)}` : formatPence(pence));


const describeRate = (rate: RegisterRate): string =>
  `${formatPence(rate.pence)}/h, ${rate.source} (domain.md: ${rate.rule})${rate.correctedBecause === undefined ? '' : `; corrected: ${rate.correctedBecause}`}`;

const describeChange = (change: AmountChange): string => {
  const what = `${change.recordedAt.slice(0, 10)} ${change.hours} h × ${formatPence(change.ratePence)} = ${formatPence(change.amountPence)}`;
  if (change.previousAmountPence === undefined) return `${what} (${change.reason})`;
  return `${what} (${formatPenceDifference(change.amountPence - change.previousAmountPence)}): ${change.reason} [${change.source}]`;
};

const describeAllowance = (a: MentorAllowance): string =>
  `trained ${a.trainedMinutes} min = ${a.trainedHours} whole h; ${a.refresher ? 'refresher' : 'initial'} cap ${a.capHours} h; ` +
  `${a.hoursClaimedElsewhere} h claimed elsewhere; trainees through ${a.placementIds.join(', ') || 'none'}`;

/**
 * The claims register as plain text: one row per mentor line, totals, the rates with their sources, and
 * each line's history of amounts. Deterministic: the same register prints the same bytes.
 */
export const formatClaimsRegister = (title: string, register: RegisterView): string => {
  const rows = register.lines.map((line) => [
    line.claimId,
    line.schoolId,
    line.mentorId,
    String(line.hours),
    formatPence(line.rate.pence),
    formatPence(line.amountPence),
    line.status,
  ]);
  const { totals } = register;
  const out = [title, '='.repeat(title.length)];
  out.push(...textTable(['claim', 'school', 'mentor', 'hours', 'rate/h', 'amount', 'status'], [...rows, ['total', '', '', String(totals.hours), '', formatPence(totals.amountPence), '']], [3, 4, 5]));
  out.push('', `claims ${totals.claims}, lines ${totals.lines}; paid ${formatPence(totals.paidPence)}, clawed back ${formatPence(totals.clawedBackPence)}`);
  const rates = [...new Set(register.claims.map((claim) => `${claim.region}: ${describeRate(claim.rate)}`))];
  if (rates.length > 0) out.push('', 'rates', ...rates.map((rate) => `  ${rate}`));
  const histories = register.lines.filter((line) => line.history.length > 0);
  if (histories.length > 0) {
    out.push('', 'how each amount was reached');
    for (const line of histories) out.push(`  ${line.claimId} ${line.mentorId}: ${describeAllowance(line.allowance)}`, ...line.history.map((change) => `    ${describeChange(change)}`));
  }
  return `${out.join('\n')}\n`;
};
