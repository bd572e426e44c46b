/** A DKFDS icon from the sprite served with the design system. */
export function Icon({ name, label }: { name: string; label?: string }) {
  const use = <use href={`/dkfds/img/all-svg-icons.svg#${name}`}></use>;
  return label
    ? <svg class="icon-svg" focusable="false" role="img" aria-label={label}>{use}</svg>
    : <svg class="icon-svg" focusable="false" aria-hidden="true">{use}</svg>;
}
