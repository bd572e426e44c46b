/**
 * A map of Denmark (Natural Earth outline, drawn from our own data; no map tiles, nothing fetched elsewhere)
 * with numbered markers and a legend in words under it. The outline is one cached SVG file (/map/denmark.svg);
 * the markers are drawn here. `fit` zooms to the markers; otherwise the whole country is shown.
 */
import { type DenmarkMap, type Point, projectPoint } from '../../../../kernel/geo.js';

export interface MapPoint {
  at: Point;
  label: string;
  kind: 'office' | 'you';
}

/** The outline as a standalone SVG document. */
export function denmarkSvg(map: DenmarkMap): string {
  const [x, y, w, h] = map.insetBox;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${map.viewBox.join(' ')}">`
    + `<path d="${map.path}" fill="#e6e6e6" stroke="#747474" stroke-width="0.35"/>`
    + `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="none" stroke="#747474" stroke-width="0.35"/></svg>`;
}

const round = (n: number) => Math.round(n * 10) / 10;

function viewBoxFor(map: DenmarkMap, xy: { x: number; y: number }[], fit: boolean): [number, number, number, number] {
  if (!fit || xy.length === 0) return map.viewBox;
  const minSize = 70;
  const xs = xy.map((p) => p.x);
  const ys = xy.map((p) => p.y);
  const cx = (Math.min(...xs) + Math.max(...xs)) / 2;
  const cy = (Math.min(...ys) + Math.max(...ys)) / 2;
  const size = Math.max(minSize, (Math.max(...xs) - Math.min(...xs)) * 1.4, (Math.max(...ys) - Math.min(...ys)) * 1.4);
  return [round(cx - size / 2), round(cy - size / 2), round(size), round(size)];
}

export function DenmarkMapFigure({ map, title, points, fit = false }: { map: DenmarkMap; title: string; points: MapPoint[]; fit?: boolean }) {
  const [, , width, height] = map.viewBox;
  const xy = points.map((p) => projectPoint(map, p.at));
  const box = viewBoxFor(map, xy, fit);
  const r = round(box[2] / 45);
  const font = round(box[2] / 32);
  let n = 0;
  const numbers = points.map((p) => (p.kind === 'office' ? String(++n) : ''));
  return (
    <figure class="denmark-map">
      <svg viewBox={box.join(' ')} role="img" aria-label={title} width="100%">
        <image href="/map/denmark.svg" x="0" y="0" width={String(width)} height={String(height)} />
        {points.map((p, i) => {
          const { x, y } = xy[i]!;
          return (
            <g class={`map-point map-point-${p.kind}`}>
              <circle cx={String(x)} cy={String(y)} r={String(p.kind === 'you' ? r * 0.8 : r)} />
              {p.kind === 'office'
                ? <text x={String(x)} y={String(round(y + font * 0.35))} font-size={String(font)} text-anchor="middle" safe>{numbers[i]}</text>
                : ''}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul class="map-legend nobullet-list">
          {points.map((p, i) => (
            <li>
              <span class={`map-key map-key-${p.kind}`} aria-hidden="true" safe>{numbers[i]}</span>
              <span safe>{p.label}</span>
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
