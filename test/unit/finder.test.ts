/**
 * The finder, over all the reference data: every postal code and every municipality gets an office for every
 * service; the named catchment cases in rules/cases/offices/; and the answers for places that do not work.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Type from 'typebox';
import { checked, readYaml } from '../../src/modules/plan/adapters/load-rules.js';
import { findForPlace, resolvePlace } from '../../src/modules/offices/app/find-offices.js';
import { findOffices } from '../../src/modules/offices/domain/finder.js';
import { SERVICE_IDS } from '../../src/modules/offices/domain/office.js';
import { ROOT } from '../../src/server.js';
import { testDeps } from '../helpers.js';

const NOW = new Date('2026-11-25T10:00:00Z');
const Case = Type.Object({
  name: Type.String(),
  postalCode: Type.String(),
  student: Type.Optional(Type.Boolean()),
  expected: Type.Record(Type.String(), Type.String()),
}, { additionalProperties: false });
const cases = checked<Type.Static<typeof Case>[]>(Type.Array(Case), readYaml(join(ROOT, 'rules', 'cases', 'offices', 'catchments.yaml')), 'catchments.yaml');

describe('the finder over all reference data', () => {
  it('resolves every postal code to a municipality and, for every service, to an office', () => {
    const { offices } = testDeps();
    assert.ok(offices.postalAreas.size > 1100);
    for (const code of offices.postalAreas.keys()) {
      const place = resolvePlace(offices, { postalCode: code });
      assert.ok(!('error' in place), code);
      const found = findOffices(offices, { municipality: place.municipality.code, point: place.point });
      assert.deepEqual(found.map((f) => f.service), [...SERVICE_IDS], code);
      for (const f of found) assert.ok(Number.isFinite(f.distanceKm) && f.distanceKm < 400, `${code} ${f.service}: ${f.distanceKm} km`);
      const cpr = found.find((f) => f.service === 'cpr-registration')!;
      assert.ok(cpr.office.kind === 'citizen-service' ? cpr.office.municipality === place.municipality.code : cpr.basis === 'catchment', code);
    }
  });

  it('reaches every municipality, and each one\'s Citizen Service', () => {
    const { offices } = testDeps();
    assert.equal(offices.municipalities.size, 98);
    const mainOfSome = new Set([...offices.postalAreas.values()].map((a) => a.municipality));
    for (const code of offices.municipalities.keys()) {
      assert.ok(mainOfSome.has(code) || [...offices.postalAreas.values()].some((a) => a.municipalities.includes(code)), `no postal code reaches ${code}`);
      const place = resolvePlace(offices, { municipality: code });
      assert.ok(!('error' in place));
      const found = findForPlace(offices, place, NOW);
      assert.equal(found.find((f) => f.service === 'citizen-service')?.office.id, `citizen-service-${code}`);
    }
  });

  for (const c of cases) {
    it(c.name, () => {
      const { offices } = testDeps();
      const place = resolvePlace(offices, { postalCode: c.postalCode });
      assert.ok(!('error' in place));
      const found = findForPlace(offices, place, NOW, c.student);
      for (const [service, office] of Object.entries(c.expected)) {
        assert.equal(found.find((f) => f.service === service)?.office.id, office, service);
      }
    });
  }

  it('refuses a postal code that is not 4 digits, suggests codes for one that does not exist, and refuses positions abroad', () => {
    const { offices } = testDeps();
    assert.deepEqual(resolvePlace(offices, { postalCode: '800' }), { error: 'postal-code-format' });
    assert.deepEqual(resolvePlace(offices, { postalCode: '8001' }), { error: 'unknown-postal-code', suggestions: ['7980', '7990', '8000'] });
    assert.deepEqual(resolvePlace(offices, { position: { latitude: 55.605, longitude: 13.0038 } }), { error: 'outside-denmark' }, 'Malmö');
    assert.deepEqual(resolvePlace(offices, { position: { latitude: 54.32, longitude: 10.13 } }), { error: 'outside-denmark' }, 'Kiel');
    assert.deepEqual(resolvePlace(offices, { position: { latitude: 56.5, longitude: 11.5 } }), { error: 'outside-denmark' }, 'the Kattegat');
    const aarhus = resolvePlace(offices, { position: { latitude: 56.1567, longitude: 10.2108 } });
    assert.ok(!('error' in aarhus) && aarhus.municipality.code === '751');
    const bornholm = resolvePlace(offices, { position: { latitude: 55.1, longitude: 14.7 } });
    assert.ok(!('error' in bornholm) && bornholm.municipality.code === '400');
  });
});
