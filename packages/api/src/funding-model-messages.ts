// The funding model's refusals (an amount, a rate, a date) as API messages: the code and
// parameters say what is wrong in any language; the English text stays the funding model's own,
// which names the value, for scripts and logs.
import type { FundingModelError } from "@coherence/funding-model";
import {
  InvalidAmountError,
  MissingRateError,
  UnknownCurrencyError,
} from "@coherence/funding-model";
import { apiMessage } from "./messages";
import type { ApiMessage } from "./messages";

/**
 * @example fundingModelMessage(new MissingRateError("EUR", "2025-01-01")).code // → "no_rate"
 */
export function fundingModelMessage(error: FundingModelError): ApiMessage {
  return { ...codeOf(error), text: error.message };
}

function codeOf(error: FundingModelError): ApiMessage {
  if (error instanceof InvalidAmountError) {
    const { currency } = error;
    if (error.problem === "too_large") return apiMessage("amount_too_large");
    if (error.problem === "decimals" && error.allowedDecimals !== null)
      return error.allowedDecimals === 1
        ? apiMessage("amount_one_decimal", { currency })
        : apiMessage("amount_decimals", { currency, decimals: error.allowedDecimals });
    return apiMessage("amount_invalid", { currency });
  }
  if (error instanceof MissingRateError)
    return apiMessage("no_rate", { currency: error.currency, date: error.date });
  if (error instanceof UnknownCurrencyError) return apiMessage("unknown_currency");
  switch (error.code) {
    case "MONEY_OVERFLOW":
      return apiMessage("amount_too_large");
    case "INVALID_RATE":
      return apiMessage("rate_invalid");
    case "INVALID_DATE":
    case "INVALID_PERIOD":
      return apiMessage("date_invalid");
    default:
      return apiMessage("computation_refused", { code: error.code });
  }
}
