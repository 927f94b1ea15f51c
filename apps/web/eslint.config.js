import react from "@coherence/eslint-config/react";

export default react;
