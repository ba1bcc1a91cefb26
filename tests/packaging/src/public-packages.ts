import { fileURLToPath } from 'node:url';

/** The repository root, two folders above this package. */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** A package published to npm: its name and its folder in the workspace. */
export interface PublicPackage {
  readonly name: string;
  readonly dir: string;
}

/** Every public package, dependencies first. */
export const PUBLIC_PACKAGES: readonly PublicPackage[] = [
  { name: '@onegrad/core', dir: 'packages/core' },
  { name: '@onegrad/backend-ts', dir: 'packages/backend-ts' },
  { name: '@onegrad/backend-tfjs', dir: 'packages/backend-tfjs' },
  { name: '@onegrad/backend-onnx', dir: 'packages/backend-onnx' },
  { name: '@onegrad/conformance', dir: 'conformance' },
];

/** The file name `pnpm pack` gives a package's tarball, e.g. `onegrad-core-0.1.0.tgz`. */
export function tarballName(name: string, version: string): string {
  return `${name.replace(/^@/, '').replace('/', '-')}-${version}.tgz`;
}
