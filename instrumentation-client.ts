// Runs in the browser before the app becomes interactive. Zod 4 probes whether it may compile
// object parsers with `new Function` the first time it parses an object; the content security
// policy (no 'unsafe-eval', proxy.ts) blocks that probe and the browser reports a violation.
// Jitless, zod keeps to its interpreter in the browser and never asks.
import { config } from 'zod';

config({ jitless: true });
