import type { Cell } from './model.js';

/** A cell as text: empty for nothing, `yes`/`no` for booleans, numbers as they are. */
export const cellText = (cell: Cell): string => {
  if (cell === undefined || cell === null) return '';
  if (typeof cell === 'boolean') return cell ? 'yes' : 'no';
  return String(cell);
};

// C0 and C1 controls (an escape sequence could rewrite the terminal) and the bidirectional overrides
// that can make text read differently from what it is ("Trojan Source").
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Text from the data made safe for a terminal: line breaks and tabs become spaces, other controls `�`. */
export const terminalSafe = (text: string): string => text.replace(UNSAFE, (char) => (char === '\n' || char === '\r' || char === '\t' ? ' ' : '\ufffd'));

const WIDE = /\p{Extended_Pictographic}|[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;
const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Columns a string takes in a terminal: one per character, two for wide ones (CJK, emoji). */
export const displayWidth = (text: string): number => {
  if (/^[\u0020-\u007e]*$/.test(text)) return text.length;
  let width = 0;
  for (const { segment } of segmenter.segment(text)) width += WIDE.test(segment) ? 2 : 1;
  return width;
};
