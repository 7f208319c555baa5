import { destinationPoint, EARTH_RADIUS_KM, haversineKm, offsetKm } from './geo';

describe('geo', () => {
  it('measures one degree on the equator and New York to London', () => {
    expect(haversineKm(0, 0, 0, 1)).toBeCloseTo((EARTH_RADIUS_KM * Math.PI) / 180, 9);
    // JFK-ish to Heathrow-ish: about 5,570 km on a sphere.
    expect(haversineKm(40.7128, -74.006, 51.5074, -0.1278)).toBeGreaterThan(5560);
    expect(haversineKm(40.7128, -74.006, 51.5074, -0.1278)).toBeLessThan(5580);
    expect(haversineKm(10, 20, 10, 20)).toBe(0);
  });

  it('inverts destinationPoint and approximates offsetKm locally', () => {
    const p = destinationPoint(48.8566, 2.3522, 73, 420);
    expect(haversineKm(48.8566, 2.3522, p.latitude, p.longitude)).toBeCloseTo(420, 6);
    const q = offsetKm(48.8566, 2.3522, 3, 4);
    expect(haversineKm(48.8566, 2.3522, q.latitude, q.longitude)).toBeCloseTo(5, 2);
  });

  it('wraps longitude across the antimeridian', () => {
    const p = destinationPoint(0, 179.9, 90, 50);
    expect(p.longitude).toBeLessThan(-179);
  });
});
