import crypto from 'node:crypto';
import type { Db } from '../db/client';
import { insertImage } from '../db/repos/images.repo';
import {
  countCards,
  createDemoWriter,
  insertTemplates,
  maxCustomerId,
  startBulkLoad,
  type TemplateSeed,
} from '../db/repos/demo-seed.repo';
import { DEMO_TEMPLATES } from './demo-templates';
import { generateChunk, type GeneratorState } from './generate-cards';
import { createRandom } from './prng';
import { syncPhoneSearch } from '../cards/phone-search';
import { rewardBadgePng } from './reward-image';
import { AppError } from '../../shared/api/errors';

export interface SeedOptions {
  cards: number;
  seed?: number;
  now?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface SeedResult {
  cards: number;
  customers: number;
  events: number;
}

const CHUNK = 25_000;
const DAY = 86_400_000;

/**
 * Fills an empty shop with realistic demo data: templates with versions and reward images,
 * customers named in five scripts, cards in one or several wallets, and their event history.
 */
export function seedDemo(db: Db, options: SeedOptions): SeedResult {
  const existing = countCards(db);
  if (existing > 0) {
    throw new AppError('conflict', 'demo.shopNotEmpty', { params: { count: existing } });
  }
  const now = options.now ?? Date.now();
  insertDemoTemplates(db, now);
  // numbers are written (and their search forms made) for the shop's country
  const phoneCountry = syncPhoneSearch(db);

  const state: GeneratorState = {
    random: createRandom(options.seed ?? 20261123),
    now,
    total: options.cards,
    next: 0,
    nextCustomerId: maxCustomerId(db) + 1,
    lastCustomerId: 0,
    phoneCountry,
  };
  const result: SeedResult = { cards: 0, customers: 0, events: 0 };
  const writer = createDemoWriter(db);
  const bulk = startBulkLoad(db, ['customers', 'cards', 'events']);
  try {
    while (state.next < state.total) {
      writer.inTransaction(() => {
        const counts = generateChunk(state, CHUNK, writer);
        result.cards += counts.cards;
        result.customers += counts.customers;
        result.events += counts.events;
      });
      options.onProgress?.(result.cards, state.total);
    }
  } finally {
    bulk.finish();
  }
  // refresh the planner's statistics, sampling a bounded number of rows per index
  db.sqlite.pragma('analysis_limit = 1000');
  db.sqlite.pragma('optimize');
  return result;
}

/** Seeds `cards` demo cards when the shop has none yet; returns null when it already has cards. */
export function seedDemoIfEmpty(db: Db, cards: number): SeedResult | null {
  return countCards(db) === 0 ? seedDemo(db, { cards }) : null;
}

function insertDemoTemplates(db: Db, now: number): void {
  const createdAt = now - 4 * 365 * DAY;
  const seeds: TemplateSeed[] = DEMO_TEMPLATES.map((template) => {
    const rewards = template.rewards.map((reward) => {
      const bytes = rewardBadgePng(reward.color);
      const imageId = crypto.createHash('sha256').update(bytes).digest('hex');
      insertImage(db, { id: imageId, mime: 'image/png', width: 96, height: 96, bytes, createdAt });
      return { ...reward, imageId };
    });
    const versions = Array.from({ length: template.versions }, (_, i) => ({
      version: i + 1,
      goal: template.goal,
      createdAt: createdAt + i * 30 * DAY,
    }));
    return {
      id: template.id,
      name: template.name,
      createdAt,
      versions,
      rewards: versions.flatMap((v) => rewards.map((r) => ({ version: v.version, stamps: r.stamps, title: r.title, imageId: r.imageId }))),
    };
  });
  insertTemplates(db, seeds);
}
