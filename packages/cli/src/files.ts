import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { UsageError } from './io.js';

const codeOf = (error: unknown) => (error as { code?: string }).code;

/** A file given on the command line must exist, be a file, and be readable; otherwise a usage error naming the flag. */
export const checkReadableFile = async (flag: string, shown: string, path: string): Promise<void> => {
  try {
    if ((await stat(path)).isDirectory()) throw new UsageError(`${flag}: '${shown}' is a directory, not a file`);
    await access(path, constants.R_OK);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    if (codeOf(error) === 'ENOENT' || codeOf(error) === 'ENOTDIR') throw new UsageError(`${flag}: no such file '${shown}'`);
    throw new UsageError(`${flag}: cannot read '${shown}' (${codeOf(error) ?? (error as Error).message})`);
  }
};

/** A file to write: its directory must exist, and it must not itself be a directory. */
export const checkWritableFile = async (flag: string, shown: string, path: string): Promise<void> => {
  const directory = await stat(dirname(path)).catch(() => undefined);
  if (!directory?.isDirectory()) throw new UsageError(`${flag}: no such directory for '${shown}'`);
  const existing = await stat(path).catch(() => undefined);
  if (existing?.isDirectory()) throw new UsageError(`${flag}: '${shown}' is a directory`);
  try {
    await access(dirname(path), constants.W_OK);
  } catch {
    throw new UsageError(`${flag}: cannot write '${shown}' (permission denied)`);
  }
};
