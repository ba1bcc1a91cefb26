// The ONNX versions every graph declares, apart from onnx-proto so the public types never import it.
/** The ai.onnx opset every graph imports; all its operators have float and double CPU kernels here. */
export const OPSET = 17;

/** IR version matching {@link OPSET} (ONNX 1.12 and later read it). */
export const IR_VERSION = 8;

/** Name written into `producer_name` of every model. */
export const PRODUCER = '@onegrad/backend-onnx';
