/** `windowSplit`: training and test windows of one table, split in time at a row. */
import { Table } from '../data/table';
import { checkPositiveInt } from '../util/check';
import { makeWindows, WindowOptions, Windows } from './make-windows';
import { checkTable } from '../data/check-table';

/** The options of `makeWindows` without its target range, plus where the test rows start. */
export interface WindowSplitOptions extends Omit<WindowOptions, 'targetStart' | 'targetEnd'> {
  /** The first test row: training windows' targets lie before it, test windows' targets at or after it. Required. */
  testStart: number;
}

/**
 * Training and test windows from one table, split at row `testStart`: training targets all lie before it;
 * test windows' targets lie at or after it, and their inputs may reach back into the training rows
 * (context), never forward.
 */
export function windowSplit(table: Table, options: WindowSplitOptions): { train: Windows; test: Windows } {
  checkTable('windowSplit', table);
  const testStart = checkPositiveInt('testStart', options.testStart);
  return {
    train: makeWindows(table, { ...options, targetEnd: testStart }),
    test: makeWindows(table, { ...options, targetStart: testStart }),
  };
}
