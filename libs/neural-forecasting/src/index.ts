// One model per module; each registers its custom layers with tf.serialization on import.
export * from './lstm';
export * from './nbeats';
export * from './tft';
// What the three share: multi-series inputs, training options and the training loop.
export * from './training';
