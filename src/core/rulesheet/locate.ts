import { t } from '../messages';
import type { PackLocator } from './check';
import { conditionText } from './condition';
import { FactDirectory } from './facts';
import type { ReadContext, ScoringPack } from './section';

/** The cell a pack path was read from, or the nearest enclosing path's ("rules[3].when[0]" → "rules[3]"). */
export function cellOf(ctx: ReadContext, fallback: string): (path: string) => string {
  return (path) => {
    let p = path;
    for (;;) {
      const found = ctx.cells.get(p);
      if (found) return found;
      const up = p.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
      if (up === p) return fallback;
      p = up;
    }
  };
}

/** Where each part of a block's pack was read, so the checks of its rules name cells: 第12行（visits-20）, E7. */
export function sheetLocator(ctx: ReadContext, pack: ScoringPack, fallback: string): PackLocator {
  const facts = FactDirectory.of(pack);
  const cell = cellOf(ctx, fallback);
  return {
    sheet: ctx.sheet,
    cell,
    conditionCell: (rule, fact) => ctx.sites[rule]?.conditions[fact]?.cell ?? cell(`rules[${rule}]`),
    ruleName: (rule) => {
      const params = { row: ctx.sites[rule]?.row ?? 0, id: pack.rules[rule]!.id };
      return { zh: t('rsWhereRow', params), en: t('rsWhereRow', params, 'en') };
    },
    conditionText: (rule, fact) =>
      ctx.sites[rule]?.conditions[fact]?.text ??
      conditionText(
        pack.rules[rule]!.when.filter((c) => c.fact === fact),
        facts.get(fact)?.kind ?? 'number',
      ),
  };
}
