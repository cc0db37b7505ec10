type TypedArray = Int8Array | Uint8Array | Int32Array | Float64Array;

/** A copy of `a` in a new typed array of the same kind with room for `size` values (the rest zero). */
export function grown<T extends TypedArray>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}
