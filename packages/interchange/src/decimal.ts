// Exact decimal helpers. No float ever carries an amount: numbers that arrive as JS numbers
// (XLSX numeric cells, JSON numbers) are turned into the shortest decimal string that
// round-trips to the same double — exactly the text the producer wrote whenever it wrote at
// most 15 significant digits — and then parsed as a decimal string.

const DECIMAL = /^\d+(?:\.\d+)?$/;

/** True for an unsigned decimal string "12", "0.775". @example isDecimal("1.5") // → true */
export function isDecimal(text: string): boolean {
  return DECIMAL.test(text);
}

/**
 * The shortest decimal string of a finite number, never in exponent notation.
 * @example numberToDecimalString(12.345) // → "12.345"
 * @example numberToDecimalString(1e-7) // → "0.0000001"
 * @example numberToDecimalString(0.1 + 0.2) // → "0.30000000000000004"
 */
export function numberToDecimalString(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  if (Object.is(value, -0)) return "0";
  const text = String(value);
  const e = text.indexOf("e");
  if (e < 0) return text;
  const negative = text.startsWith("-");
  const mantissa = text.slice(negative ? 1 : 0, e);
  const exponent = Number(text.slice(e + 1));
  const point = mantissa.indexOf(".");
  const digits = point < 0 ? mantissa : mantissa.slice(0, point) + mantissa.slice(point + 1);
  const intDigits = (point < 0 ? mantissa.length : point) + exponent;
  let result: string;
  if (intDigits <= 0) result = `0.${"0".repeat(-intDigits)}${digits}`;
  else if (intDigits >= digits.length) result = digits + "0".repeat(intDigits - digits.length);
  else result = `${digits.slice(0, intDigits)}.${digits.slice(intDigits)}`;
  return negative ? `-${result}` : result;
}

/** Number of significant digits of a plain decimal string. */
export function significantDigits(decimal: string): number {
  const digits = decimal.replace(/^-/, "").replace(".", "").replace(/^0+/, "");
  return digits.length;
}

/** An exact non-negative decimal as a scaled bigint: "1.25" → { units: 125n, scale: 2 }. */
interface Scaled {
  units: bigint;
  scale: number;
}

function toScaled(decimal: string): Scaled {
  const point = decimal.indexOf(".");
  if (point < 0) return { units: BigInt(decimal), scale: 0 };
  return {
    units: BigInt(decimal.slice(0, point) + decimal.slice(point + 1)),
    scale: decimal.length - point - 1,
  };
}

/**
 * Exact sum of unsigned decimal strings, as a decimal string without trailing zeros.
 * @example sumDecimals(["33.333", "33.333", "33.334"]) // → "100"
 */
export function sumDecimals(values: Iterable<string>): string {
  let units = 0n;
  let scale = 0;
  for (const value of values) {
    const s = toScaled(value);
    if (s.scale > scale) {
      units *= 10n ** BigInt(s.scale - scale);
      scale = s.scale;
    }
    units += s.units * 10n ** BigInt(scale - s.scale);
  }
  const digits = units.toString().padStart(scale + 1, "0");
  if (scale === 0) return digits;
  const text = `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
  return text.replace(/\.?0+$/, "");
}

/** Compares two unsigned decimal strings exactly. @example compareDecimals("1.50", "1.5") // → 0 */
export function compareDecimals(a: string, b: string): -1 | 0 | 1 {
  const x = toScaled(a);
  const y = toScaled(b);
  const scale = Math.max(x.scale, y.scale);
  const l = x.units * 10n ** BigInt(scale - x.scale);
  const r = y.units * 10n ** BigInt(scale - y.scale);
  return l < r ? -1 : l > r ? 1 : 0;
}
