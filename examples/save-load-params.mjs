// Saves a trained network's parameters to a file and loads them into a new session, bit for bit.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTsBackend } from '@onegrad/backend-ts';
import {
  bitEqual,
  decodeParamsFile,
  encodeParamsFile,
  fromRows,
  initParams,
  paramsBitEqual,
} from '@onegrad/core';

const spec = { sizes: [2, 2, 1], loss: 'bce', dtype: 'float32' };
const batch = {
  x: fromRows([
    [1, 1],
    [0, 0],
  ]),
  y: fromRows([[1], [0]]),
};
const backend = createTsBackend();
const session = await backend.createSession(spec, initParams(spec, 1));
for (let i = 0; i < 500; i++) await session.step(batch, { learningRate: 0.5 });

const file = join(await mkdtemp(join(tmpdir(), 'onegrad-')), 'net.json');
await writeFile(file, encodeParamsFile(session.spec, await session.getParams()));
const text = await readFile(file, 'utf8');
console.log(`saved ${text.length} bytes, ${JSON.parse(text).checksum}`);

const loaded = decodeParamsFile(text);
const restored = await backend.createSession(loaded.spec, loaded.params);
console.log(
  `parameters equal bit for bit: ${paramsBitEqual(await restored.getParams(), await session.getParams())}`,
);
console.log(
  `outputs equal bit for bit: ${bitEqual(await restored.forward(batch.x), await session.forward(batch.x))}`,
);
await backend.dispose();
