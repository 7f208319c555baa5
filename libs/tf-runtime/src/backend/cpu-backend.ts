import { tf } from '../tf';
import { TfBackendError } from './backend-error';

/** Switches tfjs to its pure-JavaScript backend. */
export async function activateCpu(): Promise<void> {
  if (!(await tf.setBackend('cpu'))) {
    throw new TfBackendError('cpu', "tf.setBackend('cpu') failed; the pure-JS backend should always be available");
  }
  silenceNodeBackendAdvert();
}

/**
 * The cpu backend prints a banner on its first tensor write in Node ("install
 * our node backend"). initTf's own log line already says which backend runs
 * and why, so the banner would be a second, contradicting line. It is driven
 * by a `firstUse` field on the backend instance; clearing it is harmless if a
 * future tfjs drops the field.
 */
function silenceNodeBackendAdvert(): void {
  const backend = tf.backend() as unknown as { firstUse?: boolean };
  if (typeof backend.firstUse === 'boolean') backend.firstUse = false;
}
