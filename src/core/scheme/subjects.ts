import { labelKey } from '../text';

/** Who a row or a result is about: the name, and the group where one is given (two 张伟 in two villages are two people). */
export function subjectKey(name: string, group: string | null): string {
  return `${labelKey(name)}\u0000${group ? labelKey(group) : ''}`;
}
