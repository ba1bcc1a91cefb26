import type { ConformanceCase } from './case.js';
import { loadRandomData } from './data-dir.js';
import { readDataFile } from './data-file.js';
import { netTag } from './networks.js';
import { RANDOM_CASES } from './random-table.js';
import { once, singleStepCase } from './single-step-case.js';

/** One step of each seeded random network, against the reference stored in `data/random/`. */
export function randomCases(): ConformanceCase[] {
  return RANDOM_CASES.map((spec) => {
    const data = once(() => readDataFile(loadRandomData(spec.name)));
    const what = `sizes [${spec.sizes.join(', ')}], batch ${spec.batch}, ${spec.loss}, ${spec.targets} targets`;
    return singleStepCase(
      `random/${netTag(spec)}/${spec.name}`,
      what,
      () => data().problem,
      () => data().expected,
    );
  });
}
