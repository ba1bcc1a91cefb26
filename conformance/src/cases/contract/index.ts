import type { ConformanceCase } from '../case.js';
import { divergenceCases } from './divergence.js';
import { errorCases } from './errors.js';
import { lifecycleCases } from './lifecycle.js';
import { ownershipCases } from './ownership.js';

/** The behavioural contract of Backend and TrainingSession, tested through their public interface. */
export function contractCases(): ConformanceCase[] {
  return [...ownershipCases(), ...errorCases(), ...divergenceCases(), ...lifecycleCases()];
}
