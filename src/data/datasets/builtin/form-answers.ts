import type { Rng } from '../../../core/rng.js';
import { binomial, pickSoftmax, sigmoid } from './draw-helpers.js';
import { FORM_TYPING, messUp, missingToken } from './messy-text.js';
import {
  BUDGETS,
  MISSING,
  ORIGIN_EVENT,
  ORIGIN_PARTNER,
  ORIGIN_SYNDICATION,
  ORIGIN_TRADE_SHOW,
  TIMEFRAMES,
  USE_CASE_OTHER,
  USE_CASES,
} from './taxonomy.js';

/** What the lead told us on forms and how they react to e-mail; codes are MISSING when unanswered. */
export interface FormAnswers {
  timeframe: number;
  budget: number;
  useCase: number;
  emailOpens: number;
  emailClicks: number;
  newsletter: boolean;
  text: { timeframe: string; budget: string; useCase: string };
}

/** Chance that the lead met the long form (with the qualifying questions), by origin. */
function longFormChance(origin: number, interest: number): number {
  if (origin === ORIGIN_SYNDICATION) return 0.08;
  if (origin === ORIGIN_PARTNER) return 0.55;
  if (origin === ORIGIN_TRADE_SHOW) return 0.4;
  if (origin === ORIGIN_EVENT) return 0.3;
  return sigmoid(-0.3 + 0.8 * interest);
}

/**
 * Draws form answers and e-mail engagement from the lead's latent interest: keen buyers
 * fill the long form, name a short time frame, and open and click nurture e-mails.
 */
export function drawFormAnswers(rng: Rng, origin: number, interest: number, theme: number, employees: number): FormAnswers {
  const longForm = rng.bernoulli(longFormChance(origin, interest));
  const timeframe =
    longForm && rng.bernoulli(0.92)
      ? pickSoftmax(rng, [-0.8 + 0.9 * interest, -0.2 + 0.4 * interest, 0.2, -0.3 - 0.7 * interest])
      : MISSING;
  const size = Math.log10(Math.max(1, employees)) - 2;
  const budget =
    longForm && rng.bernoulli(0.7)
      ? pickSoftmax(rng, [
          0.3 - 0.3 * interest - 0.3 * size,
          0.3,
          -0.4 + 0.3 * interest + 0.3 * size,
          -1.2 + 0.4 * interest + 0.5 * size,
          0,
        ])
      : MISSING;
  const answersUseCase = longForm ? rng.bernoulli(0.85) : rng.bernoulli(0.15);
  const useCase = answersUseCase
    ? rng.bernoulli(0.75)
      ? theme
      : rng.bernoulli(0.5)
        ? USE_CASE_OTHER
        : rng.int(USE_CASE_OTHER)
    : MISSING;
  const newsletter = rng.bernoulli(sigmoid(-0.8 + 0.3 * interest));
  const emailOpens = rng.poisson(Math.exp((newsletter ? 1.3 : 0.2) + 0.25 * interest + 0.5 * rng.normal()));
  const emailClicks = binomial(rng, emailOpens, sigmoid(-2.2 + 0.6 * interest));
  return {
    timeframe,
    budget,
    useCase,
    emailOpens,
    emailClicks,
    newsletter,
    text: {
      timeframe: timeframe === MISSING ? missingToken(rng, ['Select'], 0.25) : TIMEFRAMES[timeframe],
      budget: budget === MISSING ? missingToken(rng, ['Select', 'N/A'], 0.3) : BUDGETS[budget],
      useCase: useCase === MISSING ? missingToken(rng, ['Select', '-'], 0.2) : messUp(USE_CASES[useCase], rng, FORM_TYPING),
    },
  };
}
