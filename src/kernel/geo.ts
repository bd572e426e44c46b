/**
 * Distances on the Earth, the outline of Denmark (Natural Earth), and the projection of the maps we draw.
 */
export interface Point {
  latitude: number;
  longitude: number;
}

const EARTH_RADIUS_KM = 6371;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance (haversine), in kilometres. */
export function distanceKm(a: Point, b: Point): number {
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface DenmarkMap {
  source: { title: string; url: string; checked: string };
  projection: { lat0: number; lon0: number; kx: number; ky: number; inset: { minLon: number; dLon: number; dLat: number } };
  viewBox: [number, number, number, number];
  path: string;
  insetBox: [number, number, number, number];
  rings: [number, number][][];
}

/** Where a point lands on the map (Bornholm is drawn in a box, moved like its outline). */
export function projectPoint(map: DenmarkMap, p: Point): { x: number; y: number } {
  const { lat0, lon0, kx, ky, inset } = map.projection;
  const moved = p.longitude > inset.minLon;
  const lon = moved ? p.longitude + inset.dLon : p.longitude;
  const lat = moved ? p.latitude + inset.dLat : p.latitude;
  return { x: Math.round((lon - lon0) * kx * 10) / 10, y: Math.round((lat0 - lat) * ky * 10) / 10 };
}

function inRing(ring: [number, number][], p: Point): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if ((yi > p.latitude) !== (yj > p.latitude) && p.longitude < ((xj - xi) * (p.latitude - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** On Denmark's land (the outline of its larger islands and the mainland, Bornholm included). */
export function onDanishLand(map: DenmarkMap, p: Point): boolean {
  return map.rings.some((ring) => inRing(ring, p));
}
