/** Shared Prettier settings: formatting is checked in CI so it is never a review topic. */
export default {
  printWidth: 100,
  singleQuote: false,
  trailingComma: "all",
};
