import { labelKey } from '../text';

/** Endings that name a village's Party organisation rather than the village: 巴彦嘎查党支部 is 巴彦嘎查. */
const ORGANISATION = /(党总支|党支部|党委|支部)$/;

/**
 * Who a row or a result is about: the name, and the group where one is given
 * (two 张伟 in two villages are two people), the group as the village whether
 * a ledger writes 巴彦嘎查 or 巴彦嘎查党支部.
 */
export function subjectKey(name: string, group: string | null): string {
  return `${labelKey(name)}\u0000${group ? labelKey(group).replace(ORGANISATION, '') : ''}`;
}
