/**
 * The house rules for imports inside src/ (issue 15, ADR 11), as an ESLint rule:
 * - src/kernel/ imports only the kernel; src/platform/ only the kernel and the platform;
 * - a module (src/modules/<name>/) imports the kernel, the platform, itself, and other modules only through their
 *   index.ts;
 * - inside a module, domain/ imports only its own domain (and the kernel), ports/ only the domain, app/ no web/ and
 *   no adapters/, and web/ goes through app/: it imports neither domain/ nor adapters/;
 * - the composition root (src/*.ts) imports modules through their index.ts.
 */
import { dirname, join, normalize, relative, sep } from 'node:path';

function place(file, srcDir) {
  const rel = relative(srcDir, file).split(sep);
  if (rel[0] === '..') return null;
  if (rel[0] === 'kernel') return { zone: 'kernel' };
  if (rel[0] === 'platform') return { zone: 'platform' };
  if (rel[0] === 'modules' && rel.length >= 3) {
    const inner = rel.length > 3 ? rel[2] : 'root';
    const base = rel.length === 3 ? rel[2].replace(/\.(ts|tsx|js)$/, '') : null;
    return { zone: 'module', module: rel[1], layer: inner, isIndex: base === 'index' };
  }
  return { zone: 'root' };
}

function verdict(from, to) {
  if (!to) return null;
  if (from.zone === 'kernel') return to.zone === 'kernel' ? null : 'the kernel imports only the kernel';
  if (from.zone === 'platform') return to.zone === 'kernel' || to.zone === 'platform' ? null : 'the platform imports only the kernel and the platform';
  if (to.zone === 'module' && from.zone !== 'module' && !to.isIndex) return `import the module "${to.module}" through its index.ts`;
  if (from.zone !== 'module') return null;
  if (to.zone === 'root') return 'a module does not import the composition root';
  if (from.layer === 'domain' && (to.zone === 'platform' || (to.zone === 'module' && to.module !== from.module))) return 'the domain imports only itself and the kernel';
  if (to.zone === 'module' && to.module !== from.module) return to.isIndex ? null : `import the module "${to.module}" through its index.ts`;
  if (to.zone !== 'module') return null;
  const layer = to.layer;
  switch (from.layer) {
    case 'domain': return layer === 'domain' ? null : 'the domain imports only itself and the kernel';
    case 'ports': return layer === 'domain' || layer === 'ports' ? null : 'a port imports only the domain';
    case 'app': return layer === 'web' || layer === 'adapters' || layer === 'root' ? 'the app layer imports no web, adapters or module root' : null;
    case 'adapters': return layer === 'web' || layer === 'root' ? 'an adapter imports no web or module root' : null;
    case 'web': return layer === 'domain' || layer === 'adapters' ? 'web goes through app: it imports neither the domain nor the adapters' : layer === 'root' && !to.isIndex ? null : null;
    default: return null;
  }
}

const rule = {
  meta: { type: 'problem', schema: [], docs: { description: 'Module boundaries of src/' } },
  create(context) {
    const file = context.filename;
    const srcDir = join(context.cwd, 'src');
    const from = place(file, srcDir);
    if (!from) return {};
    const check = (node, source) => {
      if (!source || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const target = normalize(join(dirname(file), source.value));
      const problem = verdict(from, place(target, srcDir));
      if (problem) context.report({ node, message: `${source.value}: ${problem}` });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
    };
  },
};

export default { rules: { imports: rule } };
