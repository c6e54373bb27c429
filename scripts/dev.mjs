// `npm run dev`: the emulator plus `next dev` with hot reload; Ctrl-C stops both.
import { runApp } from './lib/run-app.mjs';

await runApp({ nextCommand: 'dev', build: false });
