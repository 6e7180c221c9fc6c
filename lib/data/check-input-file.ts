/** `checkInputFile`: what every loader checks before reading a path — it exists, and is a regular file. */
import * as fs from 'fs';
import * as path from 'path';
import { InputError } from '../util/errors';

/**
 * The file's stats, or an error naming the path, where it resolved and the fix. A FIFO would block and /dev/zero
 * never end, so only regular files (a link to one is followed) are read.
 */
export function checkInputFile(file: string, caller: string, kind: string, fix = 'save the data to a file first'): fs.Stats {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new InputError(`${caller}: file not found: ${file} (no file at ${path.resolve(file)}, working directory ${process.cwd()}); check the path`);
  }
  if (stat.isDirectory()) throw new InputError(`${caller}: ${file} is a folder, not a ${kind} file`);
  if (!stat.isFile()) throw new InputError(`${caller}: ${file} is not a regular file (a pipe, device or socket); ${fix}`);
  return stat;
}
