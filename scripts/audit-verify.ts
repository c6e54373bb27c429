// `npm run audit:verify`: checks the audit log's hash chain with the app's own configuration (the
// same environment variables and data folder). Reads only: no migrations, no sealing, and it never
// makes a key. Prints the entries checked, the head (the last entry's link: keep it somewhere the
// database's owner cannot reach, and compare next time to notice entries cut from the end), and
// every break. Exit 0 when the chain holds, 1 on a break, 2 when it could not check.
// With PGlite, stop the console first: an embedded database serves one process at a time.
import path from 'node:path';
import { resolveAuditChainKey } from '@/lib/audit/chain-key';
import { verifyAuditChain } from '@/lib/audit/store';
import { openPglite, openPostgres } from '@/lib/db/open';
import { parseEnv } from '@/lib/env-schema';

async function main(): Promise<number> {
  const env = parseEnv(process.env);
  const key = resolveAuditChainKey(env, { create: false });
  const opened = env.databaseUrl
    ? await openPostgres(env.databaseUrl, { migrate: false })
    : await openPglite(path.resolve(process.cwd(), env.dataDir, 'pglite'), { migrate: false });
  try {
    const report = await verifyAuditChain(opened.db, { key });
    console.log(`Audit chain (${opened.driver}): ${report.checked} entries checked.`);
    console.log(report.head ? `Head: entry ${report.headId}, ${report.head}` : 'Head: none (no chained entry yet).');
    console.log('Entry ids may skip (PostgreSQL drops cached ids on restart): the links are the evidence, not the numbering.');
    if (report.breaks.length === 0) {
      console.log('OK: every entry links to the one before it, and every outcome matches its hash.');
      return 0;
    }
    console.error(`BROKEN: ${report.breaks.length} break${report.breaks.length === 1 ? '' : 's'}:`);
    for (const item of report.breaks) console.error(`  entry ${item.id} [${item.kind}] ${item.message}`);
    return 1;
  } finally {
    await opened.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`audit:verify could not check the chain: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
