import { startCloud, type Cloud, type CloudOptions } from '../../support/cloud';

/**
 * The storages the reference cloud's tests run on: embedded PGlite always, a real PostgreSQL server when
 * STAMPDESK_TEST_DATABASE_URL is set (CI sets it). In the run-all pass that repeats the sync tests on PostgreSQL
 * (STAMPDESK_CLOUD_STORAGE=postgres) only that leg runs. Each cloud on PostgreSQL gets a schema of its own.
 */
const url = process.env.STAMPDESK_TEST_DATABASE_URL;
const onlyPostgres = process.env.STAMPDESK_CLOUD_STORAGE === 'postgres';

export interface StorageLeg {
  name: 'pglite' | 'postgres';
  /** Skipped only when no PostgreSQL server is named (STAMPDESK_TEST_DATABASE_URL absent). */
  skip: boolean;
  start(options?: Omit<CloudOptions, 'databaseUrl'>): Promise<Cloud>;
}

export const pgliteLeg: StorageLeg = { name: 'pglite', skip: false, start: (options = {}) => startCloud({ onError: () => {}, ...options }) };
export const postgresLeg: StorageLeg = {
  name: 'postgres',
  skip: !url,
  start: (options = {}) => startCloud({ onError: () => {}, ...options, databaseUrl: url! }),
};

export const storageLegs: StorageLeg[] = onlyPostgres ? [postgresLeg] : [pgliteLeg, postgresLeg];
