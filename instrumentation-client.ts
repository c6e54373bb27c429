// Runs in the browser before the app becomes interactive. Zod 4 probes whether it may compile
// object parsers with `new Function` the first time it parses an object; the content security
// policy (no 'unsafe-eval', proxy.ts) blocks that probe and the browser reports a violation.
// Jitless, zod keeps to its interpreter in the browser and never asks.
//
// Zod keeps its global configuration on `globalThis.__zod_globalConfig` (what `z.config()`
// writes; zod/v4/core/core.js). Setting it there instead of importing zod keeps zod out of the
// code every page loads: only the pages whose forms parse with it download it, and they find
// the setting already made.
const holder = globalThis as typeof globalThis & { __zod_globalConfig?: { jitless?: boolean } };
holder.__zod_globalConfig = Object.assign(holder.__zod_globalConfig ?? {}, { jitless: true });
