/** Uniform random integers from the browser's CSPRNG, without modulo bias. */

export type RandomSource = (out: Uint32Array) => Uint32Array;

export const cryptoRandom: RandomSource = (out) => crypto.getRandomValues(out);

/** A uniform integer in [0, n) using rejection sampling on 32-bit values. */
export function randomInt(n: number, source: RandomSource = cryptoRandom): number {
  if (!Number.isInteger(n) || n <= 0 || n > 2 ** 32) throw new RangeError('randomInt: bad range');
  // Largest multiple of n that fits in 2^32: values at or above it would bias the result.
  const limit = 2 ** 32 - (2 ** 32 % n);
  const buf = new Uint32Array(1);
  for (;;) {
    source(buf);
    const v = buf[0]!;
    if (v < limit) return v % n;
  }
}

export function pick<T>(items: readonly T[], source: RandomSource = cryptoRandom): T {
  return items[randomInt(items.length, source)]!;
}
