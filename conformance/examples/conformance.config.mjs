// An example config for the conformance CLI: the default export is an array of ConformanceTarget.
// Backends are imported dynamically so that a missing optional engine only removes its target.
const targets = [];

try {
  const { createTsBackend } = await import('@onegrad/backend-ts');
  targets.push({ name: 'ts', create: () => createTsBackend() });
} catch (error) {
  console.error(`skipping backend-ts: ${error.message}`);
}

export default targets;
