import { activationCases } from './activations.js';
import type { ConformanceCase } from './case.js';
import { contractCases } from './contract/index.js';
import { determinismCases } from './determinism.js';
import { deviationCases } from './deviations.js';
import { randomCases } from './random.js';
import { saturationCases } from './saturation.js';
import { seedCases } from './seed.js';
import { switchCases } from './switch.js';
import { trainCases } from './train.js';
import { trajectoryCases } from './trajectory.js';

/** Every case of the suite, in run order. */
export function allCases(): ConformanceCase[] {
  return [
    ...seedCases(),
    ...saturationCases(),
    ...randomCases(),
    ...activationCases(),
    ...trajectoryCases(),
    ...determinismCases(),
    ...switchCases(),
    ...trainCases(),
    ...contractCases(),
    ...deviationCases(),
  ];
}
