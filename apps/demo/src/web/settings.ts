import { type DType, isDType, type LossName } from '@onegrad/core';
import { type AnyDatasetName, classesOf, isAnyDatasetName } from '../lib/datasets.js';
import { parseHiddenSizes } from '../lib/hidden-sizes.js';

/** The hidden-layer activations the page offers. */
export const HIDDEN_ACTIVATIONS = ['sigmoid', 'tanh', 'relu'] as const;

/** The output activations the page offers. */
export const OUTPUT_ACTIVATIONS = ['sigmoid', 'identity', 'softmax'] as const;

/** The losses the page offers. */
export const PAGE_LOSSES = ['bce', 'mse', 'cce'] as const;

/** Everything the learner chooses on the page. */
export interface Settings {
  /** Which points to fit. */
  readonly dataset: AnyDatasetName;
  /** Random seed of the dataset's points and of the initial weights. */
  readonly randomSeed: number;
  /** Loss on the output. */
  readonly loss: LossName;
  /** Dtype of every tensor. */
  readonly dtype: DType;
  /** Hidden layer widths; the network is [2, ...hidden, outputs]. */
  readonly hidden: readonly number[];
  /** Activation of every hidden layer. */
  readonly hiddenActivation: (typeof HIDDEN_ACTIVATIONS)[number];
  /** Activation of the output layer. */
  readonly output: (typeof OUTPUT_ACTIVATIONS)[number];
  /** SGD learning rate. */
  readonly lr: number;
  /** Backend id to start on. */
  readonly backend: string;
  /** Steps per animation frame while playing. */
  readonly speed: number;
}

/** The speeds offered, in steps per frame. */
export const SPEEDS: readonly number[] = [1, 10, 100, 1000];

/** The page's starting point: the seed's own network, two points, BCE, float32. */
export const DEFAULT_SETTINGS: Settings = {
  dataset: 'seed',
  randomSeed: 1,
  loss: 'bce',
  dtype: 'float32',
  hidden: [2],
  hiddenActivation: 'sigmoid',
  output: 'sigmoid',
  lr: 0.5,
  backend: 'ts',
  speed: 10,
};

/** The settings that need a fresh network when they change, with the words the page uses for them. */
export const STRUCTURAL: readonly (readonly [keyof Settings, string])[] = [
  ['dataset', 'dataset'],
  ['randomSeed', 'random seed'],
  ['loss', 'loss'],
  ['dtype', 'dtype'],
  ['hidden', 'hidden sizes'],
  ['hiddenActivation', 'hidden activation'],
  ['output', 'output activation'],
];

/** The words for what changed between `a` and `b` that needs a fresh network; empty when nothing did. */
export function structuralChanges(a: Settings, b: Settings): string[] {
  return STRUCTURAL.filter(([k]) => String(a[k]) !== String(b[k])).map(([, words]) => words);
}

// Short query keys: a lesson's address stays readable.
const KEYS = {
  dataset: 'dataset',
  randomSeed: 'random-seed',
  loss: 'loss',
  dtype: 'dtype',
  hidden: 'hidden',
  hiddenActivation: 'hidden-activation',
  output: 'output',
  lr: 'lr',
  backend: 'engine',
  speed: 'speed',
} as const satisfies Record<keyof Settings, string>;

/** The settings as a query string (`?dataset=xor&hidden=4,4&...`), every field, so a link reopens them. */
export function settingsToQuery(s: Settings): string {
  const q = new URLSearchParams();
  for (const [k, key] of Object.entries(KEYS)) {
    const v = s[k as keyof Settings];
    q.set(key, Array.isArray(v) ? v.join(',') : String(v));
  }
  return `?${q.toString().replaceAll('%2C', ',')}`;
}

/**
 * The settings a query string names, over the defaults, and a message per value it refused (a field
 * it cannot read keeps its default). Other keys of the query are left alone.
 */
export function settingsFromQuery(
  search: string,
  backends: readonly string[],
): { settings: Settings; refused: string[] } {
  const q = new URLSearchParams(search);
  const refused: string[] = [];
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  const read = <K extends keyof Settings>(k: K, parse: (text: string) => Settings[K] | undefined) => {
    const text = q.get(KEYS[k]);
    if (text === null) return;
    const v = parse(text);
    if (v === undefined) refused.push(`${KEYS[k]}=${text}`);
    else out[k] = v;
  };
  const oneOf =
    <T extends string>(names: readonly T[]) =>
    (t: string) =>
      (names as readonly string[]).includes(t) ? (t as T) : undefined;
  const positive = (t: string) => (Number(t) > 0 && Number.isFinite(Number(t)) ? Number(t) : undefined);
  read('dataset', (t) => (isAnyDatasetName(t) ? t : undefined));
  read('randomSeed', (t) =>
    /^\d+$/.test(t) && Number(t) >= 1 && Number(t) <= 2 ** 31 ? Number(t) : undefined,
  );
  read('loss', oneOf(PAGE_LOSSES));
  read('dtype', (t) => (isDType(t) ? t : undefined));
  read('hidden', (t) => {
    try {
      return parseHiddenSizes(t);
    } catch {
      return undefined;
    }
  });
  read('hiddenActivation', oneOf(HIDDEN_ACTIVATIONS));
  read('output', oneOf(OUTPUT_ACTIVATIONS));
  read('lr', positive);
  read('backend', oneOf(backends));
  read('speed', (t) => (SPEEDS.includes(Number(t)) ? Number(t) : undefined));
  return { settings: normalised(out as unknown as Settings), refused };
}

/** `s` with a softmax output (and cce for bce) when its dataset has more than two classes: one unit per class. */
export function normalised(s: Settings): Settings {
  if (classesOf(s.dataset) <= 2 || s.output === 'softmax') return s;
  return { ...s, output: 'softmax', loss: s.loss === 'bce' ? 'cce' : s.loss };
}
