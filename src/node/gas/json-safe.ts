/**
 * Why google.script.run would not carry a value unchanged, or undefined when
 * it would. It drops or nulls Dates, functions, undefined members and
 * non-finite numbers; a JSON round trip is the faithful model of what arrives.
 * Works on values from any realm (the sandbox has its own Object and Date).
 */
export function jsonProblem(value: unknown, path = '$'): string | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : `${path} is ${value}`;
  if (value === undefined) return `${path} is undefined`;
  if (typeof value !== 'object') return `${path} is a ${typeof value}`;
  const tag = Object.prototype.toString.call(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) return `${path}[${i}] is a hole`;
      const problem = jsonProblem(value[i], `${path}[${i}]`);
      if (problem) return problem;
    }
    return undefined;
  }
  const proto = Object.getPrototypeOf(value) as object | null;
  const plain = proto === null || Object.getPrototypeOf(proto) === null;
  if (tag !== '[object Object]' || !plain) return `${path} is a ${tag === '[object Object]' ? (proto?.constructor?.name ?? 'class instance') : tag.slice(8, -1)}`;
  for (const [key, member] of Object.entries(value)) {
    const problem = jsonProblem(member, `${path}.${key}`);
    if (problem) return problem;
  }
  return undefined;
}
