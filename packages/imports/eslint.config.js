import base from "@coherence/eslint-config/base";

export default base;
