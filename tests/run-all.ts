/**
 * `npm test`: the type check, the unit tests (vitest) and the end-to-end tests (Playwright), in that order,
 * each run even when an earlier one failed, then ONE closing line with the totals: `N passed, N failed`.
 * CI reads that line only. Each type-check project counts as one test; a stage that dies before reporting
 * (a crash, a failed build) counts as one failure.
 *
 * With STAMPDESK_TEST_DATABASE_URL set (.ci/run starts PostgreSQL and sets it), the sync tests run a second time
 * with the reference cloud on that real PostgreSQL server instead of embedded PGlite
 * (STAMPDESK_CLOUD_STORAGE=postgres, read by tests/support/sync-harness.ts); they count in the totals too.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

interface Tally {
  passed: number;
  failed: number;
}

const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'stampdesk-test-'));
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function typecheck(): Tally {
  const projects = ['tsconfig.json', 'renderer/tsconfig.json', 'tests/e2e/tsconfig.json'];
  const tally = { passed: 0, failed: 0 };
  for (const project of projects) {
    console.log(`\n::: type check ${project}`);
    if (run(npx, ['tsc', '-p', project])) tally.passed++;
    else tally.failed++;
  }
  return tally;
}

/**
 * The test files whose reference cloud runs on real PostgreSQL in the second pass (vitest path filters); the
 * `npm run cloud` test starts its own embedded cloud, so it runs once.
 */
const SYNC_TEST_FILTERS = ['tests/unit/sync-e2e/', 'tests/unit/support/cloud', '--exclude', 'tests/unit/support/cloud-cli.test.ts'];

function unit(): Tally {
  console.log('\n::: unit tests (vitest)');
  return vitest('vitest.json', []);
}

function syncOnPostgres(): Tally {
  if (!process.env.STAMPDESK_TEST_DATABASE_URL) return { passed: 0, failed: 0 };
  console.log('\n::: sync tests again, the reference cloud on PostgreSQL (STAMPDESK_TEST_DATABASE_URL)');
  return vitest('vitest-postgres.json', ['--passWithNoTests', ...SYNC_TEST_FILTERS], { STAMPDESK_CLOUD_STORAGE: 'postgres' });
}

function vitest(name: string, args: string[], env: NodeJS.ProcessEnv = {}): Tally {
  const file = path.join(reports, name);
  const ok = run(npx, ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${file}`], env);
  const report = readJson<{ numPassedTests: number; numFailedTests: number }>(file);
  if (!report) return { passed: 0, failed: 1 };
  return { passed: report.numPassedTests, failed: report.numFailedTests + (ok || report.numFailedTests > 0 ? 0 : 1) };
}

function e2e(): Tally {
  console.log('\n::: build');
  if (!run(npm, ['run', 'build', '--silent'])) return { passed: 0, failed: 1 };
  console.log('\n::: end-to-end tests (Playwright)');
  const file = path.join(reports, 'playwright.json');
  const ok = run(npx, ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: file });
  const report = readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>(file);
  if (!report) return { passed: 0, failed: 1 };
  const { expected, unexpected, flaky } = report.stats;
  return { passed: expected, failed: unexpected + flaky + (ok || unexpected + flaky > 0 ? 0 : 1) };
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

const tallies = [typecheck(), unit(), syncOnPostgres(), e2e()];
const passed = tallies.reduce((sum, t) => sum + t.passed, 0);
const failed = tallies.reduce((sum, t) => sum + t.failed, 0);
fs.rmSync(reports, { recursive: true, force: true });
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
