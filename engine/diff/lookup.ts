/** Membership in a list: a scan for the few elements real lists hold, a set for the huge lists a draft may hold. */
export function memberOf<T>(list: readonly T[]): (value: T) => boolean {
  if (list.length <= 16) return (value) => list.includes(value);
  const set = new Set(list);
  return (value) => set.has(value);
}
