import type { IsoDate } from "@coherence/funding-model";

/** An organization as IATI names it (reporting-org, participating-org, provider-org, receiver-org). */
export interface IatiOrg {
  ref: string | null;
  /** IATI OrganisationType code (10 Government, 21 International NGO, 40 Multilateral, ...). */
  type: string | null;
  name: string | null;
}

/** An aid type code with its vocabulary (1 = OECD DAC). */
export interface IatiAidType {
  code: string;
  vocabulary: string;
}

/** One `<transaction>` as read, value as an exact decimal string (may be negative). */
export interface IatiTransaction {
  line: number;
  /** 0-based position of the transaction within its activity. */
  index: number;
  ref: string | null;
  /** IATI TransactionType code "1" … "13" (or whatever the file holds). */
  type: string | null;
  date: IsoDate | null;
  value: string | null;
  /** The value's own currency, else the activity's default currency. */
  currency: string | null;
  valueDate: IsoDate | null;
  provider: IatiOrg | null;
  receiver: IatiOrg | null;
  aidTypes: IatiAidType[];
  description: string | null;
}

/** One `<budget>`: type 1 original / 2 revised; status 1 indicative / 2 committed. */
export interface IatiBudget {
  line: number;
  index: number;
  type: string | null;
  status: string | null;
  periodStart: IsoDate | null;
  periodEnd: IsoDate | null;
  value: string | null;
  currency: string | null;
  valueDate: IsoDate | null;
}

/** One `<iati-activity>` with what Coherence uses of it. */
export interface IatiActivity {
  line: number;
  identifier: string;
  defaultCurrency: string | null;
  title: string | null;
  reportingOrg: IatiOrg | null;
  participatingOrgs: (IatiOrg & { role: string | null })[];
  defaultAidTypes: IatiAidType[];
  recipientCountries: string[];
  transactions: IatiTransaction[];
  budgets: IatiBudget[];
}
