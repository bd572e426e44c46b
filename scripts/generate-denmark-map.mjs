// Regenerates reference/denmark-map.json from Natural Earth's 1:10m countries (npm world-atlas, public domain):
// Denmark's outline as polygons in longitude/latitude (for "is this point in Denmark?") and as an SVG path in a
// simple projection (for the maps on the office pages). Run: node scripts/generate-denmark-map.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';

const require = createRequire(import.meta.url);
const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-10m.json'), 'utf8'));
const denmark = feature(topology, topology.objects.countries).features.find((f) => f.properties.name === 'Denmark');
if (!denmark) throw new Error('Denmark not found');

// Mainland Denmark and Bornholm only (the Faroe Islands and Greenland are separate features in Natural Earth).
const inDenmark = ([lon, lat]) => lon > 7.5 && lon < 15.6 && lat > 54.4 && lat < 58;
const polygons = (denmark.geometry.type === 'Polygon' ? [denmark.geometry.coordinates] : denmark.geometry.coordinates)
  .filter((polygon) => polygon[0].every(inDenmark));

// Equirectangular projection, x scaled by cos(56°) so Denmark keeps its shape: 1 unit = 1/100 degree of latitude.
const LAT0 = 57.8;
const LON0 = 8.0;
const KX = Math.cos((56 * Math.PI) / 180) * 100;
const KY = 100;
// Bornholm is drawn in a box in the upper right, as on most maps of Denmark: points east of 14.4° are moved.
const INSET = { minLon: 14.4, dLon: -1.95, dLat: 2.2 };
const shift = ([lon, lat]) => (lon > INSET.minLon ? [lon + INSET.dLon, lat + INSET.dLat] : [lon, lat]);
const project = (point) => {
  const [lon, lat] = shift(point);
  return [Math.round((lon - LON0) * KX * 10) / 10, Math.round((LAT0 - lat) * KY * 10) / 10];
};
const round4 = (n) => Math.round(n * 10_000) / 10_000;

let path = '';
const rings = [];
for (const polygon of polygons) {
  const outer = polygon[0];
  const area = Math.abs(outer.reduce((s, p, i) => { const q = outer[(i + 1) % outer.length]; return s + p[0] * q[1] - q[0] * p[1]; }, 0) / 2);
  if (area < 0.0002) continue; // islets too small to see or to matter
  rings.push(outer.map(([lon, lat]) => [round4(lon), round4(lat)]));
  const points = outer.map(project);
  path += `M${points.map((p) => p.join(' ')).join('L')}Z`;
}
const [maxX] = project([13.35, LAT0]);
const [, maxY] = project([LON0, 54.5]);
const [boxX1, boxY1] = project([14.62, 55.36]);
const [boxX2, boxY2] = project([15.22, 54.93]);
writeFileSync(new URL('../reference/denmark-map.json', import.meta.url), `${JSON.stringify({
  source: {
    title: 'Natural Earth 1:10m admin 0 countries, via the npm package world-atlas 2.0.2 (public domain)',
    url: 'https://www.naturalearthdata.com/downloads/10m-cultural-vectors/10m-admin-0-countries/',
    checked: '2026-11-25',
  },
  projection: { lat0: LAT0, lon0: LON0, kx: KX, ky: KY, inset: INSET },
  viewBox: [0, 0, Math.ceil(maxX), Math.ceil(maxY)],
  path,
  insetBox: [boxX1, boxY1, Math.round((boxX2 - boxX1) * 10) / 10, Math.round((boxY2 - boxY1) * 10) / 10],
  rings,
})}\n`);
console.log(`${rings.length} polygons, path ${path.length} characters`);
