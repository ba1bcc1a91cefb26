import type { NetworkSpec, Params } from '@onegrad/core';
import { paramsToJson } from '../../lib/params-json.js';

function download(name: string, bytes: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Props of {@link ExportButtons}. */
export interface ExportButtonsProps {
  readonly spec: NetworkSpec;
  readonly getParams: () => Promise<Params>;
  /** Builds the ONNX model bytes, when an exporter is available. */
  readonly toOnnx?: ((spec: NetworkSpec, params: Params) => Uint8Array | Promise<Uint8Array>) | undefined;
}

/** Downloads the trained network as an ONNX model or its parameters as JSON. */
export function ExportButtons({ spec, getParams, toOnnx }: ExportButtonsProps) {
  return (
    <section class="panel export" aria-labelledby="export-h">
      <h2 id="export-h">Export</h2>
      <div class="buttons">
        <button
          type="button"
          disabled={!toOnnx}
          onClick={async () => {
            const bytes = await toOnnx?.(spec, await getParams());
            if (bytes) download('onegrad.onnx', bytes as Uint8Array<ArrayBuffer>, 'application/octet-stream');
          }}
        >
          ONNX model
        </button>
        <button
          type="button"
          onClick={async () =>
            download('onegrad-params.json', paramsToJson(spec, await getParams()), 'application/json')
          }
        >
          Parameters (JSON)
        </button>
      </div>
      <p class="help">The ONNX model computes the forward pass A_L from X and opens in any ONNX runtime.</p>
    </section>
  );
}
