import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Every TypeScript block in the docs and READMEs is a copy of a file that is compiled and tested;
// this test keeps the copies true. Mark a block with `<!-- snippet: path/from/repo/root.ts -->`.
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const MARKER = /<!--\s*snippet:\s*(\S+?)(?:#L(\d+)-L(\d+))?\s*-->\s*\n```(?:ts|typescript)\n([\s\S]*?)```/g;
const ANY_TS_BLOCK = /```(?:ts|typescript)\n/g;

const markdownFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });

const files = [...markdownFiles(join(root, 'docs')), ...markdownFiles(join(root, 'packages')), ...markdownFiles(join(root, 'examples')), join(root, 'README.md')];

describe('docs: code blocks are compiled and tested files', () => {
  it.each(files.map((file) => [relative(root, file), file]))('%s', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const snippets = [...text.matchAll(MARKER)];
    expect(snippets.length, 'every ts block must carry a snippet marker').toBe([...text.matchAll(ANY_TS_BLOCK)].length);
    for (const [, path, from, to, block] of snippets) {
      const source = readFileSync(join(root, path!), 'utf8');
      const expected = from && to ? source.split('\n').slice(Number(from) - 1, Number(to)).join('\n') + '\n' : source;
      expect(block, `the block marked ${path} differs from the file`).toBe(expected);
    }
  });
});
