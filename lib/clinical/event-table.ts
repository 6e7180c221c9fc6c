/**
 * `eventTable`: follow-up collapsed to its distinct times, ascending — at each, the number at risk just before it,
 * the events and the censorings — the table every survival estimate here walks (lifelines' `event_table`).
 */
import { survivalData } from './survival-data';

export interface EventTable {
  times: Float64Array;
  atRisk: Int32Array;
  events: Int32Array;
  censored: Int32Array;
}

/**
 * The event table of follow-up times and event flags (1 = event, 0 = censored).
 * @example eventTable(t.numbers('time'), t.numbers('status')).atRisk
 */
export function eventTable(time: ArrayLike<number>, event: ArrayLike<number | boolean>): EventTable {
  const { t, e } = survivalData('eventTable', time, event);
  const order = Int32Array.from(t, (_, i) => i).sort((a, b) => t[a] - t[b]);
  const times: number[] = [];
  const risk: number[] = [];
  const ev: number[] = [];
  const cens: number[] = [];
  let atRisk = t.length;
  for (let k = 0; k < order.length;) {
    const now = t[order[k]];
    let d = 0;
    let c = 0;
    for (; k < order.length && t[order[k]] === now; k++) {
      if (e[order[k]]) d++;
      else c++;
    }
    times.push(now);
    risk.push(atRisk);
    ev.push(d);
    cens.push(c);
    atRisk -= d + c;
  }
  return { times: Float64Array.from(times), atRisk: Int32Array.from(risk), events: Int32Array.from(ev), censored: Int32Array.from(cens) };
}
