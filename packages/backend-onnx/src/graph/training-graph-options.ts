/** Options of the training graph. */
export interface TrainingGraphOptions {
  /** Also output every intermediate (Z, A, dA, dZ, dW, db of each layer). */
  readonly trace?: boolean;
}
