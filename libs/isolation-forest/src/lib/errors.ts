/** Raised when a model that has not been fitted is asked to score, predict, explain or serialise. */
export class NotFittedError extends Error {
  constructor(method: string) {
    super(`IsolationForest.${method}: this model is not fitted yet; call fit(X) first`);
    this.name = 'NotFittedError';
  }
}

/** A hyperparameter outside its allowed range; the message names the parameter and the range. */
export class IsolationForestParamError extends RangeError {
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(`IsolationForest parameter ${parameter}: ${message}`);
    this.name = 'IsolationForestParamError';
  }
}
