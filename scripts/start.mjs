// `npm start`: build, then serve the production app with the emulator beside it. SKIP_BUILD=1 reuses .next.
import { runApp } from './lib/run-app.mjs';

await runApp({ nextCommand: 'start', build: process.env.SKIP_BUILD !== '1' });
