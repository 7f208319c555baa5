import { expectForecastError, throughJsonText } from '../testing/test-helpers';
import { futureTimes, inferTimeAxis, timeAxisFromJSON } from './time-axis';

describe('inferTimeAxis and futureTimes', () => {
  it('continues decimal years with the input precision, rounding away float noise', () => {
    // AirPassengers' times are written to 11 decimals with a jittery last digit.
    const axis = inferTimeAxis(['1958.75', '1958.83333333334', '1958.91666666667']);
    expect(axis).toMatchObject({ kind: 'number', decimals: 11 });
    expect(futureTimes(axis!, 3)).toEqual(['1959', '1959.08333333333', '1959.16666666667']);
  });

  it('continues integer indices as integers', () => {
    expect(futureTimes(inferTimeAxis(['0', '1', '2'])!, 2)).toEqual(['3', '4']);
  });

  it('continues fixed-step ISO dates and timestamps in the same style', () => {
    expect(futureTimes(inferTimeAxis(['2020-02-27', '2020-02-28', '2020-02-29'])!, 2)).toEqual([
      '2020-03-01',
      '2020-03-02',
    ]);
    expect(futureTimes(inferTimeAxis(['2020-01-01T23:00:00Z', '2020-01-01T23:30:00Z'])!, 2)).toEqual([
      '2020-01-02T00:00:00.000Z',
      '2020-01-02T00:30:00.000Z',
    ]);
  });

  it('continues calendar months (uneven day counts) and quarters', () => {
    expect(futureTimes(inferTimeAxis(['2020-11-01', '2020-12-01', '2021-01-01', '2021-02-01'])!, 2)).toEqual([
      '2021-03-01',
      '2021-04-01',
    ]);
    expect(futureTimes(inferTimeAxis(['2020-07-15', '2020-10-15'])!, 2)).toEqual(['2021-01-15', '2021-04-15']);
  });

  it('has no axis for irregular or too short times', () => {
    expect(inferTimeAxis(['2020-01-03', '2020-01-06', '2020-01-07'])).toBeNull(); // business days
    expect(inferTimeAxis(['1', '2', '4'])).toBeNull();
    expect(inferTimeAxis(['1'])).toBeNull();
    expect(inferTimeAxis(['2020-01-31', '2020-02-29', '2020-03-31'])).toBeNull();
  });

  it('round-trips through JSON and rejects a malformed axis', () => {
    for (const times of [['1', '2'], ['2020-01-01', '2020-01-02'], ['2020-01-01', '2020-02-01', '2020-03-01']]) {
      const axis = inferTimeAxis(times);
      expect(timeAxisFromJSON(throughJsonText(axis), 'axis')).toEqual(axis);
    }
    expect(timeAxisFromJSON(null, 'axis')).toBeNull();
    expectForecastError(() => timeAxisFromJSON({ kind: 'number', last: 1, step: 0, decimals: 0 }, 'axis'), 'INVALID_JSON', 'axis.step');
    expectForecastError(() => timeAxisFromJSON({ kind: 'weekly' }, 'axis'), 'INVALID_JSON', 'axis.kind');
  });
});
