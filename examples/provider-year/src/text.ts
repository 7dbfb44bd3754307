/** Indents each line of a block (not the empty ones, so no line ends in spaces). */
export const indent = (text: string | readonly string[], by = '  '): string[] =>
  (typeof text === 'string' ? text.trimEnd().split('\n') : text).map((line) => (line === '' ? '' : by + line));

export const heading = (title: string): string[] => ['', title, '-'.repeat(title.length)];
