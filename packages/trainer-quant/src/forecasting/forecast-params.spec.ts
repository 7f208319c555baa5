import path from 'node:path';
import { parseParams } from '@tethys/config';
import { forecastParamsSchema, loadForecastParams } from './forecast-params';

const PACKAGE = path.resolve(__dirname, '../..');

describe('forecast params', () => {
  it.each(['forecast.params.json', 'forecast.quick.params.json'])('%s is valid', (file) => {
    const params = loadForecastParams(path.join(PACKAGE, file));
    expect(params.series.map((s) => s.name)).toEqual(['airpassengers', 'electricity', 'dow_volatility']);
  });

  it('refuses unknown keys and a TFT whose heads do not divide its width', () => {
    const params = loadForecastParams(path.join(PACKAGE, 'forecast.params.json'));
    expect(() => parseParams({ ...params, extra: 1 }, forecastParamsSchema, 'p.json')).toThrow(/extra/);
    const series = [{ ...params.series[0], tft: { ...params.series[0].tft, hiddenSize: 6, heads: 4 } }];
    expect(() => parseParams({ ...params, series }, forecastParamsSchema, 'p.json')).toThrow(/heads/);
    expect(() => parseParams({ ...params, quantiles: [0.5] }, forecastParamsSchema, 'p.json')).toThrow(/0\.1, 0\.5 and 0\.9/);
  });

  it('takes a window normalisation per model and refuses an unknown one', () => {
    const params = loadForecastParams(path.join(PACKAGE, 'forecast.params.json'));
    const withMode = (mode: string) => [{ ...params.series[0], lstm: { ...params.series[0].lstm, windowNormalization: mode } }];
    expect(parseParams({ ...params, series: withMode('window-mean') }, forecastParamsSchema, 'p.json').series[0].lstm.windowNormalization).toBe('window-mean');
    expect(() => parseParams({ ...params, series: withMode('revin') }, forecastParamsSchema, 'p.json')).toThrow(/windowNormalization/);
  });
});
