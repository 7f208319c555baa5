export { Int8Quantizer, type Int8QuantizerJson, type Int8QuantizerState } from './int8-quantizer';
export { PcaReducer, type PcaReducerJson, type PcaReducerParams, type PcaReducerState } from './pca-reducer';
export { Whitener, type WhitenerJson, type WhitenerParams, type WhitenerState } from './whitener';
