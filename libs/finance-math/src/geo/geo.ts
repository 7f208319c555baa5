/** Spherical-earth geometry (mean earth radius): precise enough for "km from home". */

export const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;
// Module-level aliases: hot loops then skip the global lookup, which is very slow
// inside jest's vm sandbox (and free elsewhere).
const { asin, atan2, cos, min, sin, sqrt } = Math;

/** Great-circle distance in km between two (lat, lon) points in degrees (haversine formula). */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const a = sin(dLat / 2) ** 2 + cos(lat1 * RAD) * cos(lat2 * RAD) * sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * asin(min(1, sqrt(a)));
}

/** The point `distanceKm` away from (lat, lon) along the initial `bearingDeg` (great circle). */
export function destinationPoint(
  lat: number,
  lon: number,
  bearingDeg: number,
  distanceKm: number,
): { latitude: number; longitude: number } {
  const angular = distanceKm / EARTH_RADIUS_KM;
  const bearing = bearingDeg * RAD;
  const phi1 = lat * RAD;
  const phi2 = asin(
    sin(phi1) * cos(angular) + cos(phi1) * sin(angular) * cos(bearing),
  );
  const lambda2 =
    lon * RAD +
    atan2(
      sin(bearing) * sin(angular) * cos(phi1),
      cos(angular) - sin(phi1) * sin(phi2),
    );
  const longitude = ((((lambda2 / RAD + 540) % 360) + 360) % 360) - 180;
  return { latitude: phi2 / RAD, longitude };
}

/** A point offset by (northKm, eastKm) from (lat, lon): a flat approximation for local scatter. */
export function offsetKm(
  lat: number,
  lon: number,
  northKm: number,
  eastKm: number,
): { latitude: number; longitude: number } {
  const kmPerDegree = (EARTH_RADIUS_KM * Math.PI) / 180;
  return {
    latitude: lat + northKm / kmPerDegree,
    longitude: lon + eastKm / (kmPerDegree * cos(lat * RAD)),
  };
}
