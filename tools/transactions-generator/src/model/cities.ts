/** Real city centres that users live around (coordinates of each city's usual centre point). */
export interface City {
  readonly name: string;
  readonly continent: 'north_america' | 'europe';
  readonly latitude: number;
  readonly longitude: number;
  /** Share of users who live here. */
  readonly population: number;
}

export const CITIES: readonly City[] = [
  { name: 'New York', continent: 'north_america', latitude: 40.7128, longitude: -74.006, population: 0.2 },
  { name: 'Chicago', continent: 'north_america', latitude: 41.8781, longitude: -87.6298, population: 0.12 },
  { name: 'Toronto', continent: 'north_america', latitude: 43.6532, longitude: -79.3832, population: 0.1 },
  { name: 'San Francisco', continent: 'north_america', latitude: 37.7749, longitude: -122.4194, population: 0.1 },
  { name: 'London', continent: 'europe', latitude: 51.5074, longitude: -0.1278, population: 0.18 },
  { name: 'Paris', continent: 'europe', latitude: 48.8566, longitude: 2.3522, population: 0.12 },
  { name: 'Berlin', continent: 'europe', latitude: 52.52, longitude: 13.405, population: 0.1 },
  { name: 'Madrid', continent: 'europe', latitude: 40.4168, longitude: -3.7038, population: 0.08 },
];
