// node-gyp must build better-sqlite3 against the local Node headers: this machine
// (and CI) has no route to download them, and pnpm 12 does not pass `nodedir`
// from .npmrc to build scripts.
const path = require("node:path");

module.exports = {
  hooks: {
    updateConfig(config) {
      const nodedir = process.env.npm_config_nodedir ?? path.resolve(process.execPath, "..", "..");
      config.extraEnv = { ...(config.extraEnv ?? {}), npm_config_nodedir: nodedir };
      return config;
    },
  },
};
