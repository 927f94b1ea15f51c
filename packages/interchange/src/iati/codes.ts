import type { Earmarking, FlowStatus, FundingType } from "@coherence/funding-model";
import type { OrganizationKind } from "../records";

/** What a transaction type becomes: a flow with a direction and status, or a refusal. */
export type IatiTransactionRule =
  | { name: string; direction: "incoming" | "outgoing"; status: FlowStatus; refusal?: undefined }
  | { name: string; refusal: string; direction?: undefined; status?: undefined };

/**
 * IATI TransactionType codelist → Coherence. Incoming types make a flow from the provider to
 * the reporting organization; outgoing types from the reporting organization to the receiver.
 */
export const IATI_TRANSACTION_TYPES: Readonly<Record<string, IatiTransactionRule>> = {
  "1": { name: "Incoming Funds", direction: "incoming", status: "paid" },
  "2": { name: "Outgoing Commitment", direction: "outgoing", status: "committed" },
  "3": { name: "Disbursement", direction: "outgoing", status: "paid" },
  "4": { name: "Expenditure", direction: "outgoing", status: "paid" },
  "5": { name: "Interest Payment", refusal: "interest paid back to a lender: not a contribution" },
  "6": { name: "Loan Repayment", refusal: "a loan paid back: not a contribution" },
  "7": {
    name: "Reimbursement",
    refusal:
      "covers spending already reported as expenditure: importing it would count the money twice",
  },
  "8": { name: "Purchase of Equity", refusal: "an investment, not a contribution" },
  "9": {
    name: "Sale of Equity",
    refusal: "money coming back from an investment, not a contribution",
  },
  "10": { name: "Credit Guarantee", refusal: "a guarantee: no money moves" },
  "11": { name: "Incoming Commitment", direction: "incoming", status: "committed" },
  "12": { name: "Outgoing Pledge", direction: "outgoing", status: "pledged" },
  "13": { name: "Incoming Pledge", direction: "incoming", status: "pledged" },
};

/** OECD DAC aid type (vocabulary 1) → Grand Bargain earmarking level; codes not listed: none. */
export const IATI_AID_TYPE_EARMARKING: Readonly<Record<string, Earmarking>> = {
  A01: "unearmarked",
  A02: "softly_earmarked",
  B01: "unearmarked",
  B02: "unearmarked",
  B021: "unearmarked",
  B022: "unearmarked",
  B03: "softly_earmarked",
  B031: "softly_earmarked",
  B032: "softly_earmarked",
  B033: "softly_earmarked",
  B04: "softly_earmarked",
  C01: "earmarked",
  D01: "tightly_earmarked",
  D02: "tightly_earmarked",
  E01: "tightly_earmarked",
  E02: "tightly_earmarked",
};

/** OECD DAC aid type → funding type, where the aid type decides it (else the mapping's default). */
export const IATI_AID_TYPE_FUNDING: Readonly<Record<string, FundingType>> = {
  B01: "voluntary_core",
  B02: "voluntary_core",
  B021: "voluntary_core",
  B022: "voluntary_core",
  B04: "pooled",
};

/** IATI OrganisationType → organization kind (a first guess, meant to be reviewed). */
export const IATI_ORGANISATION_KINDS: Readonly<Record<string, OrganizationKind>> = {
  "10": "member_state",
  "11": "partner",
  "15": "other_donor",
  "21": "partner",
  "22": "partner",
  "23": "partner",
  "24": "partner",
  "30": "partner",
  "40": "other_donor",
  "60": "other_donor",
  "70": "other_donor",
  "71": "other_donor",
  "72": "other_donor",
  "73": "other_donor",
  "80": "partner",
  "90": "partner",
};
