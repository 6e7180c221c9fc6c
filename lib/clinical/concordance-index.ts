/**
 * `concordanceIndex`: Harrell's C for survival — among pairs where the patient with the shorter follow-up had the
 * event, the share whose predicted risk is higher for that patient (ties in risk count a half). A pair with tied
 * times counts when only the one with the event can be ordered (the other was censored at that time). As
 * scikit-survival's `concordance_index_censored` (risk scores: higher = earlier event); lifelines' takes
 * survival-time predictions, so pass it −risk.
 */
import { InputError } from '../util/errors';
import { checkList } from '../util/check';
import { survivalData } from './survival-data';

export interface ConcordanceResult {
  cIndex: number;
  concordant: number;
  discordant: number;
  tiedRisk: number;
  comparable: number;
}

/**
 * Harrell's concordance index.
 * @example concordanceIndex(time, status, riskScores).cIndex  // 0.5 is chance, 1 perfect ordering
 */
export function concordanceIndex(time: ArrayLike<number>, event: ArrayLike<number | boolean>, risk: ArrayLike<number>): ConcordanceResult {
  const { t, e } = survivalData('concordanceIndex', time, event);
  checkList('concordanceIndex: risk', risk);
  if (risk.length !== t.length) throw new InputError(`concordanceIndex: ${t.length} times but ${risk.length} risk scores`);
  for (let i = 0; i < risk.length; i++) if (!Number.isFinite(risk[i])) throw new InputError(`concordanceIndex: risk holds ${risk[i]} at ${i}`);
  let concordant = 0;
  let discordant = 0;
  let tiedRisk = 0;
  for (let i = 0; i < t.length; i++) {
    if (!e[i]) continue;
    for (let j = 0; j < t.length; j++) {
      if (j === i || !(t[j] > t[i] || (t[j] === t[i] && !e[j]))) continue;
      if (risk[i] > risk[j]) concordant++;
      else if (risk[i] < risk[j]) discordant++;
      else tiedRisk++;
    }
  }
  const comparable = concordant + discordant + tiedRisk;
  if (comparable === 0) throw new InputError('concordanceIndex: no comparable pair (no event before another follow-up ends); it needs at least one event');
  return { cIndex: (concordant + 0.5 * tiedRisk) / comparable, concordant, discordant, tiedRisk, comparable };
}
