// The `coherence` command. `pnpm coherence <command>` from the repository root runs this file
// with tsx (pnpm changes the working directory to apps/cli: user paths resolve against
// INIT_CWD, the directory the user ran it from).
import { nodeIo, run } from "./run";

process.exitCode = await run(process.argv.slice(2), nodeIo());
