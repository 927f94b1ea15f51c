import { UnknownCurrencyError } from "./errors";

// ISO 4217 minor-unit exponents. Most currencies use 2; listing the exceptions and the codes
// explicitly means an unknown or mistyped code is an error rather than a silent "2". Codes
// without minor units in ISO 4217 (gold, XDR, ...) are not money here and are left out.
const EXPONENT_0 = "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF";
const EXPONENT_3 = "BHD IQD JOD KWD LYD OMR TND";
const EXPONENT_4 = "CLF UYW";
const EXPONENT_2 =
  "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP " +
  "BYN BZD CAD CDF CHE CHF CHW CNY COP COU CRC CUC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR " +
  "FJD FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW " +
  "KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN " +
  "NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD " +
  "SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU " +
  "UZS VED VES WST XCD XCG YER ZAR ZMW ZWG ZWL";

const EXPONENTS: ReadonlyMap<string, number> = new Map([
  ...EXPONENT_0.split(" ").map((c) => [c, 0] as const),
  ...EXPONENT_2.split(" ").map((c) => [c, 2] as const),
  ...EXPONENT_3.split(" ").map((c) => [c, 3] as const),
  ...EXPONENT_4.split(" ").map((c) => [c, 4] as const),
]);

/** The reporting currency of every figure: amounts are compared and summed in USD cents. */
export const USD = "USD";

/**
 * ISO 4217 exponent (number of minor-unit digits) of a currency.
 * @throws UnknownCurrencyError for a code not in ISO 4217.
 * @example currencyExponent("JPY") // → 0;  currencyExponent("KWD") // → 3
 */
export function currencyExponent(currency: string): number {
  const exponent = EXPONENTS.get(currency);
  if (exponent === undefined) throw new UnknownCurrencyError(currency);
  return exponent;
}

/** True for a known ISO 4217 code. @example isKnownCurrency("usd") // → false (codes are upper case) */
export function isKnownCurrency(currency: string): boolean {
  return EXPONENTS.has(currency);
}

/** All known codes, sorted. */
export function knownCurrencies(): string[] {
  return [...EXPONENTS.keys()].sort();
}
