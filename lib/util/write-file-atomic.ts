/** `writeFileAtomic`: every file the library saves goes through here, so a failed or killed save keeps the old file. */
import * as fs from 'fs';
import * as path from 'path';
import { ReportError } from './errors';

/** Writes a file atomically (temporary file, then rename); a failure leaves any old file as it was. */
export function writeFileAtomic(file: string, content: string | Buffer): void {
  const dir = path.dirname(path.resolve(file));
  const tmp = path.join(dir, `.${path.basename(file)}.tmp-${process.pid}`);
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(tmp, content);
    fs.renameSync(tmp, file);
  } catch (err) {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // nothing to clean up
    }
    throw new ReportError(`could not write ${file}: ${(err as Error).message}; choose a writable folder`);
  }
}
