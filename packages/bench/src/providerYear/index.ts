import { buildCast, TRAINEES_PER_PROVIDER } from './cast.js';
import type { Generated, Script } from './emit.js';
import { claimScripts, rateCorrectionScript } from './fundingScript.js';
import { leadMentorScripts } from './leadMentorScript.js';
import { mentorScripts, requirementScript } from './mentorScript.js';
import { placementScript } from './placementScript.js';
import { reviewPointEpisode, welfareEpisode } from './progressScript.js';
import { registrationScripts } from './registrationScripts.js';
import { runScripts } from './schedule.js';

export interface ProviderYearOptions {
  /** How many providers' years, interleaved day by day (1 is "a provider's year"). */
  readonly providers: number;
  /** The index of the first provider: a later cohort of the same store continues the numbering. */
  readonly firstProvider?: number;
  readonly seed: number;
  readonly traineesPerProvider?: number;
}

/** Every script of the providers' years; the national rate correction comes with provider 0. */
export const providerYearScripts = (options: ProviderYearOptions): Script[] => {
  const { providers, firstProvider = 0, seed, traineesPerProvider = TRAINEES_PER_PROVIDER } = options;
  const scripts: Script[] = [];
  for (let provider = firstProvider; provider < firstProvider + providers; provider++) {
    const cast = buildCast(provider, seed, traineesPerProvider);
    scripts.push(...registrationScripts(cast), requirementScript(cast));
    for (const mentor of cast.mentors) scripts.push(...mentorScripts(cast, mentor));
    for (const trainee of cast.trainees) {
      trainee.placements.forEach((placement, n) => scripts.push({ start: placement.arrangedOn, run: () => placementScript(cast, placement, n) }));
      for (let stage = 0; stage < 3; stage++) {
        const episode = reviewPointEpisode(cast, trainee, stage);
        if (episode !== undefined) scripts.push(episode);
      }
      const welfare = welfareEpisode(cast, trainee);
      if (welfare !== undefined) scripts.push(welfare);
    }
    scripts.push(...leadMentorScripts(cast), ...claimScripts(cast));
    if (provider === 0) scripts.push(rateCorrectionScript(cast.metadata));
  }
  return scripts;
};

/**
 * A synthetic year of `providers` providers (2,000 trainees each by default), deterministic for a seed: the
 * events in the order a store would receive them, made as the year runs.
 */
export const providerYearEvents = (options: ProviderYearOptions): Generator<Generated> => runScripts(providerYearScripts(options));

export type { Generated } from './emit.js';
export { TRAINEES_PER_PROVIDER } from './cast.js';
