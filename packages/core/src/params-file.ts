import { base64Length, fromBase64, toBase64 } from './base64.js';
import { crc32 } from './crc32.js';
import { allocate, type DType, type FloatArray } from './dtype.js';
import { OnegradError, ParamsFileError } from './errors.js';
import type { Matrix } from './matrix.js';
import { layerCount, type NetworkSpec, validateSpec } from './network-spec.js';
import { type Params, validateParams } from './params.js';

/** The `format` field of every saved parameters file. */
export const PARAMS_FILE_FORMAT = 'onegrad-params';

/** The version of the layout {@link encodeParamsFile} writes; the only one {@link decodeParamsFile} reads. */
export const PARAMS_FILE_VERSION = 1;

/** One matrix of a saved file: its shape and its elements as base64 of little-endian IEEE 754 bytes. */
export interface SavedMatrix {
  /** Rows of the matrix (1 for a bias). */
  readonly rows: number;
  /** Columns of the matrix. */
  readonly cols: number;
  /** The row-major elements: 4 (float32) or 8 (float64) little-endian bytes each, in padded base64. */
  readonly data: string;
}

/** The JSON layout of a saved parameters file (see core's README, "Saving parameters"). */
export interface ParamsFile {
  /** Always {@link PARAMS_FILE_FORMAT}. */
  readonly format: typeof PARAMS_FILE_FORMAT;
  /** Always {@link PARAMS_FILE_VERSION}. */
  readonly version: typeof PARAMS_FILE_VERSION;
  /** The network the parameters belong to; `data` is in its dtype. */
  readonly spec: NetworkSpec;
  /** Layer 1 first: W (n_{l-1} x n_l) and b (1 x n_l). */
  readonly layers: readonly { readonly W: SavedMatrix; readonly b: SavedMatrix }[];
  /** `crc32:` and 8 lowercase hex digits over the header text and every matrix's bytes, in order. */
  readonly checksum: string;
}

const BYTES: Readonly<Record<DType, number>> = { float32: 4, float64: 8 };

// Typed arrays use the host's byte order; the file is little-endian, so big-endian hosts go by DataView.
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function toBytes(data: FloatArray, dtype: DType): Uint8Array {
  const size = BYTES[dtype];
  const copy = allocate(dtype, data.length);
  copy.set(data);
  const out = new Uint8Array(copy.buffer);
  if (LITTLE_ENDIAN) return out;
  const view = new DataView(out.buffer);
  for (let i = 0; i < data.length; i++) {
    if (size === 4) view.setFloat32(i * 4, data[i] as number, true);
    else view.setFloat64(i * 8, data[i] as number, true);
  }
  return out;
}

function fromBytes(bytes: Uint8Array, dtype: DType): FloatArray {
  const size = BYTES[dtype];
  const out = allocate(dtype, bytes.length / size);
  if (LITTLE_ENDIAN) {
    new Uint8Array(out.buffer).set(bytes);
    return out;
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < out.length; i++)
    out[i] = size === 4 ? view.getFloat32(i * 4, true) : view.getFloat64(i * 8, true);
  return out;
}

// The spec is part of what the checksum covers, so a file cannot be re-labelled without notice. The
// activations join the header only when the spec names them, so files of default networks keep their sums.
function checksumOf(spec: NetworkSpec, chunks: readonly Uint8Array[]): string {
  const activations = spec.activations === undefined ? '' : ` ${spec.activations.join(',')}`;
  const header = `${PARAMS_FILE_FORMAT}/${PARAMS_FILE_VERSION} ${spec.sizes.join(',')} ${spec.loss} ${spec.dtype}${activations}`;
  const sum = crc32(
    Uint8Array.from(header, (ch) => ch.charCodeAt(0)),
    ...chunks,
  );
  return `crc32:${sum.toString(16).padStart(8, '0')}`;
}

/**
 * The parameters of a network as the JSON text of a {@link ParamsFile}: bit-exact in the spec's dtype
 * (-0 included). Throws SpecError, ShapeError or NonFiniteError for parameters a session would refuse.
 */
export function encodeParamsFile(spec: NetworkSpec, params: Params): string {
  const checked = validateSpec(spec);
  const copy = validateParams(checked, params);
  const chunks: Uint8Array[] = [];
  const saved = (m: Matrix): SavedMatrix => {
    const bytes = toBytes(m.data, checked.dtype);
    chunks.push(bytes);
    return { rows: m.rows, cols: m.cols, data: toBase64(bytes) };
  };
  const layers = copy.map((p) => ({ W: saved(p.W), b: saved(p.b) }));
  const file: ParamsFile = {
    format: PARAMS_FILE_FORMAT,
    version: PARAMS_FILE_VERSION,
    spec: {
      sizes: [...checked.sizes],
      ...(checked.activations === undefined ? {} : { activations: [...checked.activations] }),
      loss: checked.loss,
      dtype: checked.dtype,
    },
    layers,
    checksum: checksumOf(checked, chunks),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * Reads the text written by {@link encodeParamsFile}: the spec and the parameters, bit for bit. Throws
 * {@link ParamsFileError} naming the field when the text is not such a file, is truncated, or was altered.
 */
export function decodeParamsFile(text: string): { spec: NetworkSpec; params: Params } {
  let file: Partial<Record<keyof ParamsFile, unknown>>;
  if (typeof text !== 'string')
    throw new ParamsFileError('file', `expected the file's text, got ${typeof text}`);
  try {
    // A byte order mark, as some editors write at the start of UTF-8 text, is not part of the JSON.
    file = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (cause) {
    throw new ParamsFileError('file', `not JSON (truncated?): ${(cause as Error).message}`, { cause });
  }
  if (typeof file !== 'object' || file === null) throw new ParamsFileError('file', 'expected a JSON object');
  if (file.format !== PARAMS_FILE_FORMAT)
    throw new ParamsFileError(
      'file.format',
      `expected '${PARAMS_FILE_FORMAT}', got ${JSON.stringify(file.format)}`,
    );
  if (file.version !== PARAMS_FILE_VERSION)
    throw new ParamsFileError(
      'file.version',
      `expected ${PARAMS_FILE_VERSION}, got ${JSON.stringify(file.version)}`,
    );
  const spec = rethrown('file.spec', () => validateSpec(file.spec));
  const layers = file.layers;
  if (!Array.isArray(layers) || layers.length !== layerCount(spec))
    throw new ParamsFileError('file.layers', `expected ${layerCount(spec)} layers for sizes [${spec.sizes}]`);
  const chunks: Uint8Array[] = [];
  const read = (m: unknown, name: string, rows: number, cols: number): Matrix => {
    const { rows: r, cols: c, data } = (m ?? {}) as Partial<SavedMatrix>;
    if (r !== rows || c !== cols) throw new ParamsFileError(name, `expected ${rows}x${cols}, got ${r}x${c}`);
    if (typeof data !== 'string') throw new ParamsFileError(`${name}.data`, 'expected base64 text');
    // The declared shape fixes the payload's length: check it before decoding anything.
    const want = rows * cols * BYTES[spec.dtype];
    if (data.length !== base64Length(want)) {
      throw new ParamsFileError(
        `${name}.data`,
        `expected ${want} bytes (${base64Length(want)} base64 characters) for a ${rows}x${cols} ${spec.dtype} matrix, got ${data.length} characters`,
      );
    }
    const bytes = fromBase64(data);
    if (bytes === undefined) throw new ParamsFileError(`${name}.data`, 'expected base64 text');
    if (bytes.length !== want) {
      throw new ParamsFileError(
        `${name}.data`,
        `expected ${want} bytes for a ${rows}x${cols} ${spec.dtype} matrix, got ${bytes.length}`,
      );
    }
    chunks.push(bytes);
    return { rows, cols, data: fromBytes(bytes, spec.dtype) };
  };
  const params = layers.map((p: { W?: unknown; b?: unknown } | null, l) => {
    const [nIn, nOut] = [spec.sizes[l] as number, spec.sizes[l + 1] as number];
    return { W: read(p?.W, `file.layers[${l}].W`, nIn, nOut), b: read(p?.b, `file.layers[${l}].b`, 1, nOut) };
  });
  const actual = checksumOf(spec, chunks);
  if (file.checksum !== actual) {
    throw new ParamsFileError(
      'file.checksum',
      `the file says ${JSON.stringify(file.checksum)} but its contents give '${actual}': it was altered or damaged`,
    );
  }
  return { spec, params: rethrown('file.layers', () => validateParams(spec, params, 'file.layers')) };
}

// A file's content that core's validation refuses is the file's fault: same message, named error.
function rethrown<T>(parameter: string, run: () => T): T {
  try {
    return run();
  } catch (cause) {
    if (!(cause instanceof OnegradError)) throw cause;
    throw new ParamsFileError(
      cause.parameter.replace(/^spec/, parameter),
      cause.message.replace(/^[^:]*: /, ''),
      {
        cause,
      },
    );
  }
}
