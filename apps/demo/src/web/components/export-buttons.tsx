import type { NetworkSpec, Params } from '@onegrad/core';
import type { DemoController } from '../controller.js';

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
  readonly c: DemoController;
  /** Builds the ONNX model bytes, when an exporter is available. */
  readonly toOnnx?: ((spec: NetworkSpec, params: Params) => Uint8Array | Promise<Uint8Array>) | undefined;
}

/** Downloads the network as an ONNX model or as core's params file, and loads a params file back. */
export function ExportButtons({ c, toOnnx }: ExportButtonsProps) {
  const busy = c.busy !== '' || !c.trainer;
  return (
    <section class="panel export" aria-labelledby="export-h">
      <h2 id="export-h">Files</h2>
      <div class="buttons">
        <button
          type="button"
          disabled={!toOnnx || busy}
          onClick={async () => {
            const t = c.trainer;
            const bytes = t && (await toOnnx?.(t.spec, await t.getParams()));
            if (bytes) download('onegrad.onnx', bytes as Uint8Array<ArrayBuffer>, 'application/octet-stream');
          }}
        >
          ONNX model
        </button>
        <button
          type="button"
          disabled={busy}
          data-testid="export-params"
          onClick={async () => download('onegrad-params.json', await c.exportParams(), 'application/json')}
        >
          Save parameters
        </button>
        <label class="file-button">
          Load parameters
          <input
            type="file"
            accept=".json,application/json"
            data-testid="import-params"
            disabled={busy}
            onChange={async (e) => {
              const input = e.currentTarget;
              const file = input.files?.[0];
              if (file) await c.importParams(await file.text());
              input.value = '';
            }}
          />
        </label>
      </div>
      <p class="help">
        The ONNX model computes the forward pass A_L from X and opens in any ONNX runtime. The parameters file
        is <code>@onegrad/core</code>'s (<code>encodeParamsFile</code>): Node reads it with{' '}
        <code>decodeParamsFile</code>, bit for bit, and the page loads one written in Node.
      </p>
    </section>
  );
}
