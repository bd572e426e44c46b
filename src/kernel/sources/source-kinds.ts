/**
 * What kind of source a web address is: the law, the authority's own page, or secondary (rules/source-kinds.yaml).
 * A host matches a listed domain and all its subdomains; the longest match wins (dip.euaa.europa.eu is secondary,
 * europa.eu an authority). A source may state its own kind.
 */
import Type, { type Static } from 'typebox';

export const SOURCE_KINDS = ['law', 'authority', 'secondary'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

const Domains = Type.Array(Type.String({ pattern: '^[a-z0-9.-]+\\.[a-z]+$' }), { minItems: 1 });
export const SourceKindsSchema = Type.Object({ law: Domains, authority: Domains, secondary: Domains }, { additionalProperties: false });
export type SourceKinds = Static<typeof SourceKindsSchema>;

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return '';
  }
}

/** The kind of a source; null when its host is not classified. */
export function sourceKind(kinds: SourceKinds, source: { url: string; kind?: SourceKind | undefined }): SourceKind | null {
  if (source.kind) return source.kind;
  const host = hostOf(source.url);
  let best: { kind: SourceKind; length: number } | null = null;
  for (const kind of SOURCE_KINDS) {
    for (const domain of kinds[kind]) {
      if ((host === domain || host.endsWith(`.${domain}`)) && domain.length > (best?.length ?? 0)) best = { kind, length: domain.length };
    }
  }
  return best?.kind ?? null;
}

export const isOfficial = (kind: SourceKind | null) => kind === 'law' || kind === 'authority';
