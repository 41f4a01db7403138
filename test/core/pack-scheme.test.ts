import { describe, expect, it } from 'vitest';
import shipped from '../../rules/stationed-cadre.json';
import { PackSchema } from '../../src/core/pack/schema';
import { validatePack } from '../../src/core/pack/validate';
import { packOf, packScheme } from '../../src/core/assess/scheme';

describe('packOf, the inverse of packScheme', () => {
  it('gives back rules/stationed-cadre.json from its scheme, field for field', () => {
    const pack = PackSchema.parse(shipped);
    expect(packOf(packScheme(pack))).toEqual(pack);
    const validated = validatePack(packOf(packScheme(pack)));
    expect(validated.ok && validated.pack).toEqual(pack);
  });
});
