/**
 * Whether `value` is a plain mapping of fields (`{…}`, as parsed YAML or JSON gives one): not
 * null, a list, a `Date` or any other class instance.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
