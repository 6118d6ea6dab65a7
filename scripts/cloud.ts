/**
 * The reference cloud card service, runnable for trying sync on one machine (docs/SYNC.md):
 *   npm run cloud -- [--port 8787] [--data DIR | --database-url postgres://…] [--api-key KEY] [--simulate [SECONDS]]
 * Listens on 127.0.0.1 and prints its address, a demo shop's API key and the admin token. Data lives in memory
 * unless --data (embedded PGlite files) or --database-url (a PostgreSQL server) is given. With --data the demo key is
 * kept in DIR/demo-api-key (readable by this user only) so the same shop comes back. Ctrl+C stops it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { startCloud } from '../tests/support/cloud';
import { startWorld } from '../tests/support/cloud/world';

const USAGE = 'usage: npm run cloud -- [--port 8787] [--data DIR | --database-url postgres://…] [--api-key KEY] [--simulate [SECONDS]]';

function parseArgs(argv: string[]): Record<string, string> {
  const args: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    if (flag === '--help' || flag === '-h') throw new Error(USAGE);
    if (!flag.startsWith('--')) throw new Error(`bad argument ${flag}\n${USAGE}`);
    const value = argv[i + 1];
    if (flag === '--simulate' && (value === undefined || value.startsWith('--'))) {
      args.simulate = '3';
      continue;
    }
    if (value === undefined) throw new Error(`${flag} needs a value\n${USAGE}`);
    if (!['--port', '--data', '--database-url', '--api-key', '--simulate'].includes(flag)) throw new Error(`unknown option ${flag}\n${USAGE}`);
    args[flag.slice(2)] = value;
    i++;
  }
  return args;
}

function demoKey(dataDir: string | undefined, given: string | undefined): string | undefined {
  if (given) return given;
  if (!dataDir) return undefined;
  const file = path.join(dataDir, 'demo-api-key');
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : undefined;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const port = Number(args.port ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`bad --port\n${USAGE}`);
  if (args.data && args['database-url']) throw new Error(`--data or --database-url, not both\n${USAGE}`);
  const simulateSeconds = args.simulate === undefined ? null : Number(args.simulate);
  if (simulateSeconds !== null && !(simulateSeconds > 0)) throw new Error(`bad --simulate\n${USAGE}`);
  const dataDir = args.data ? path.resolve(args.data) : undefined;
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const cloud = await startCloud({ port, dataDir, databaseUrl: args['database-url'], schema: args['database-url'] ? 'stampdesk_cloud' : undefined });
  const shop = await cloud.createShop('Demo shop', demoKey(dataDir, args['api-key']));
  if (dataDir) fs.writeFileSync(path.join(dataDir, 'demo-api-key'), `${shop.apiKey}\n`, { mode: 0o600 });
  console.log(`reference cloud on ${cloud.url} (${cloud.storage}${dataDir ? ` in ${dataDir}` : args['database-url'] ? ', schema stampdesk_cloud' : ', in memory'})`);
  console.log(`demo shop API key: ${shop.apiKey}`);
  console.log(`admin token: ${cloud.adminToken}`);
  const world = simulateSeconds === null ? null : startWorld({ url: cloud.url, adminToken: cloud.adminToken, apiKey: shop.apiKey, everyMs: simulateSeconds * 1000, log: (line) => console.log(line) });
  if (world) console.log(`simulating the world every ${simulateSeconds} s`);
  const stop = () => {
    world?.stop();
    void cloud.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
