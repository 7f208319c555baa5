export {
  interquartileRange,
  median,
  medianAbsoluteDeviation,
  quantile,
  quantileSorted,
} from './statistics/robust';
