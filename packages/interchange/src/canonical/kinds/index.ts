import type { CanonicalKind } from "../../records";
import type { KindSpec } from "../spec";
import { crosswalkSpec } from "./crosswalk";
import { flowsSpec } from "./flows";
import { mandatesSpec } from "./mandates";
import { organizationsSpec } from "./organizations";
import { ratesSpec } from "./rates";
import { requirementsSpec } from "./requirements";
import { scalesSpec } from "./scales";

/** The spec of every canonical kind. */
export const KIND_SPECS: { [K in CanonicalKind]: KindSpec<K> } = {
  organizations: organizationsSpec,
  mandates: mandatesSpec,
  requirements: requirementsSpec,
  flows: flowsSpec,
  rates: ratesSpec,
  crosswalk: crosswalkSpec,
  scales: scalesSpec,
};
