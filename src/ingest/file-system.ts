// Reading inputs from the file system without being led astray by special paths: only regular files are read
// (a named pipe would block forever, /dev/zero never ends and reports a size of 0), the size limit is enforced
// while reading (a file may grow after it was measured), and a folder walk never follows a symbolic link to a
// folder (`up -> ..` would loop, a link elsewhere would read another tree) nor to a file outside the folder.
import { constants, type Dirent, type Stats } from 'node:fs';
import { open, readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, isAbsolute, sep } from 'node:path';
import { describeFsError, IngestError } from './errors.js';

/** One input found under the given paths: a file to read, or a path that cannot be one and why. */
export type InputPath = { path: string } | { path: string; problem: string };

export function formatSize(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${Number(mb.toFixed(1))} MB`;
  return bytes >= 1024 ? `${Number((bytes / 1024).toFixed(1))} KB` : `${bytes} bytes`;
}

const tooLarge = (size: string, maxBytes: number): IngestError => new IngestError(`file too large (${size} > ${formatSize(maxBytes)} limit)`);

/** What a path that is not a regular file is, for the reason shown; null for a regular file. */
export function notRegularFile(info: Stats): string | null {
  if (info.isFile()) return null;
  const what = info.isDirectory() ? 'a folder'
    : info.isFIFO() ? 'a named pipe'
      : info.isCharacterDevice() || info.isBlockDevice() ? 'a device'
        : info.isSocket() ? 'a socket' : 'a special file';
  return `not a regular file (${what})`;
}

/** Throws IngestError unless `path` is a regular file (symbolic links followed); resolves to its size. */
export async function checkRegularFile(path: string): Promise<number> {
  const info = await stat(path).catch((err: unknown) => {
    throw new IngestError(describeFsError(err));
  });
  const problem = notRegularFile(info);
  if (problem) throw new IngestError(problem);
  return info.size;
}

/**
 * The bytes of a regular file of at most `maxBytes`. Anything else is refused before a byte is read; the file
 * is opened without blocking (a pipe swapped in after the check cannot hang it) and read no further than one
 * byte past the limit, whatever its size said.
 */
export async function readRegularFile(path: string, maxBytes: number): Promise<Buffer> {
  const size = await checkRegularFile(path);
  if (size > maxBytes) throw tooLarge(formatSize(size), maxBytes);
  const handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)).catch((err: unknown) => {
    throw new IngestError(describeFsError(err));
  });
  try {
    const problem = notRegularFile(await handle.stat());
    if (problem) throw new IngestError(problem);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const want = Math.min(1024 * 1024, maxBytes + 1 - total);
      const { bytesRead, buffer } = await handle.read(Buffer.alloc(want), 0, want, null);
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) throw tooLarge(`over ${formatSize(maxBytes)}`, maxBytes);
    }
    return Buffer.concat(chunks, total);
  } catch (err) {
    throw err instanceof IngestError ? err : new IngestError(describeFsError(err));
  } finally {
    await handle.close();
  }
}

const isInside = (root: string, target: string): boolean => {
  const rel = relative(root, target);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
};

/** Where a symbolic link in a folder being read leads: a file inside it (followed), or why it is not followed. */
async function linkProblem(path: string, root: string): Promise<string | null> {
  let target: string;
  let info: Stats;
  try {
    target = await realpath(path);
    info = await stat(target);
  } catch (err) {
    return `broken symbolic link (${describeFsError(err)})`;
  }
  if (info.isDirectory()) return 'symbolic link to a folder (not followed)';
  if (!isInside(root, target)) return 'symbolic link out of the folder (not followed)';
  return null;
}

/** Files under `dir`, recursively, sorted by name, hidden entries skipped; `root` is the real path of the folder given. */
async function* walkFolder(dir: string, root: string): AsyncGenerator<InputPath> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    yield { path: dir, problem: describeFsError(error) };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walkFolder(path, root);
    else if (entry.isSymbolicLink()) {
      const problem = await linkProblem(path, root);
      yield problem ? { path, problem } : { path };
    } else yield { path };
  }
}

/**
 * The files the given paths stand for: a file as itself (a link named on the command line is followed), a
 * folder as the files under it. Web addresses are the caller's business.
 */
export async function* inputFiles(paths: string[]): AsyncGenerator<InputPath> {
  for (const path of paths) {
    let info: Stats;
    try {
      info = await stat(path);
    } catch (err) {
      yield { path, problem: describeFsError(err) };
      continue;
    }
    if (!info.isDirectory()) {
      yield { path };
      continue;
    }
    let root: string;
    try {
      root = await realpath(path);
    } catch (err) {
      yield { path, problem: describeFsError(err) };
      continue;
    }
    yield* walkFolder(path, root);
  }
}
