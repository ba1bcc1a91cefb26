/**
 * The constants of the error model, each a count of roundings taken from the arithmetic (see README).
 * A faithful `exp`, `log1p` is within one ulp, i.e. a relative 2u. None of them is tuned to a backend.
 */

/** A backend passes when every ratio |backend - reference| / bound is at most this. */
export const THRESHOLD = 1;

/** Relative error of a faithful `exp` or `log1p`, in units of u: one ulp is at most 2u. */
export const ELEMENTARY_ULP = 2;

/** sigma(z) = 1 / (1 + e^-z): exp (2u), the addition (u) and the division (u), relative to |a|. */
export const SIGMOID_ROUNDINGS = ELEMENTARY_ULP + 2;

/**
 * Underflow errors of one sigmoid, in units of one correctly rounded operation's (F): exp (faithful,
 * so less than a whole subnormal spacing: 2), the addition and the division.
 */
export const SIGMOID_OPS = ELEMENTARY_ULP + 2;

/** Underflow errors of one bce loss term z y, t1 - t2, exp, log1p, + t3 (exp and log1p count 2). */
export const BCE_LOSS_UNDERFLOWS = 3 + 2 * ELEMENTARY_ULP;

/** Unfused bce dA = (a - y) / (a (1 - a)): subtract, subtract, multiply, divide, relative to |dA|. */
export const BCE_GRAD_ROUNDINGS = 4;

/** SGD update W - lr dW: lr rounded to the dtype, the product, relative to |lr dW|. */
export const UPDATE_PRODUCT_ROUNDINGS = 2;

/** Scaling a sum by 1/m: 1/m rounded to the dtype, then the product (a division alone is one). */
export const MEAN_SCALE_ROUNDINGS = 2;

/** tanh(z): faithful (2u), or composed from a faithful expm1 with an addition and a division, as sigmoid. */
export const TANH_ROUNDINGS = ELEMENTARY_ULP + 2;

/** Underflow errors of one tanh (F), counted as for the sigmoid. */
export const TANH_OPS = ELEMENTARY_ULP + 2;

/** Unfused cce dA = -y / a: one division, relative to |dA|. */
export const CCE_GRAD_ROUNDINGS = 1;
