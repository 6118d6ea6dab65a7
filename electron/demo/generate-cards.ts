import crypto from 'node:crypto';
import { platformsToMask, type Platform } from '../../shared/domain/platforms';
import type { EventType } from '../../shared/domain/events';
import { POOLS_BY_WEIGHT } from './name-pools';
import { DEMO_TEMPLATES, type DemoTemplate } from './demo-templates';
import type { Random } from './prng';
import type { DemoSink } from '../db/repos/demo-seed.repo';
import { makeDemoPhone } from './demo-phones';

export interface ChunkCounts {
  customers: number;
  cards: number;
  events: number;
}

const DAY = 86_400_000;
const SEATS = ['Counter 1', 'Counter 2', 'Kiosk', 'back-office'] as const;
const DOMAINS = ['example.com', 'mail.example', 'example.net', 'example.org'] as const;
const TEMPLATES_BY_WEIGHT = DEMO_TEMPLATES.map((t) => [t, t.weight] as const);
const PLATFORM_SETS: ReadonlyArray<readonly [Platform[], number]> = [
  [['web'], 0.3],
  [['apple'], 0.3],
  [['google'], 0.25],
  [['apple', 'google'], 0.05],
  [['web', 'apple'], 0.05],
  [['web', 'google'], 0.05],
];

export interface GeneratorState {
  random: Random;
  now: number;
  total: number;
  /** Index of the next card (0-based). */
  next: number;
  nextCustomerId: number;
  lastCustomerId: number;
  /** The shop's country for phone numbers ('' for none): its customers' numbers are mostly written without the code. */
  phoneCountry: string;
}

/** Makes the next `size` demo cards with their customers and event history, into `sink`. */
export function generateChunk(state: GeneratorState, size: number, sink: DemoSink): ChunkCounts {
  const counts: ChunkCounts = { customers: 0, cards: 0, events: 0 };
  const events = (cardId: number, type: EventType, seat: string, at: number, data: string | null) => {
    counts.events++;
    sink.event(cardId, type, seat, at, data);
  };
  const tokens = crypto.randomBytes(size * 16);
  const span = 3 * 365 * DAY;
  const start = state.now - span;
  const end = Math.min(state.total, state.next + size);
  for (let i = state.next; i < end; i++) {
    const { random } = state;
    const createdAt = Math.floor(start + (i / state.total) * span + random.next() * (span / state.total));
    const cardId = 100_000 + i * 3 + random.int(0, 2);

    // about one customer in twenty holds a second card
    if (state.lastCustomerId === 0 || !random.chance(0.05)) {
      state.lastCustomerId = state.nextCustomerId++;
      writeCustomer(sink, random, state.lastCustomerId, createdAt, state.phoneCountry);
      counts.customers++;
    }

    const template = pickWeighted(random, TEMPLATES_BY_WEIGHT);
    const version = random.chance(0.6) ? template.versions : random.int(1, template.versions);
    const stamps = pickStamps(random, template);
    const platforms = pickWeighted(random, PLATFORM_SETS);
    const lastStampAt = stamps > 0 ? Math.floor(createdAt + random.next() * (state.now - createdAt)) : null;
    const offset = (i - state.next) * 16;
    const token = tokens.subarray(offset, offset + 16).toString('base64url');

    sink.card(cardId, token, state.lastCustomerId, template.id, version, stamps, template.goal, platformsToMask(platforms), createdAt, lastStampAt);
    counts.cards++;
    addHistory(events, random, { cardId, createdAt, lastStampAt, stamps, platforms, template });
  }
  state.next = end;
  return counts;
}

function writeCustomer(sink: DemoSink, random: Random, id: number, createdAt: number, phoneCountry: string): void {
  const pool = pickWeighted(random, POOLS_BY_WEIGHT);
  const [firstNative, firstRoman] = random.pick(pool.first);
  const [lastNative, lastRoman] = random.pick(pool.last);
  const name = pool.familyFirstNoSpace ? `${lastNative}${firstNative}` : `${firstNative} ${lastNative}`;
  const email = random.chance(0.9) ? makeEmail(random, firstRoman, lastRoman, id) : null;
  const phone = random.chance(0.85) ? makeDemoPhone(random, pool, phoneCountry) : null;
  sink.customer(id, name, email, phone?.phone ?? null, phone?.international ?? null, phone?.national ?? null, createdAt);
}

function makeEmail(random: Random, first: string, last: string, id: number): string {
  const local = random.chance(0.5) ? `${first}.${last}${id % 1000}` : `${first}${id}`;
  const domain = random.pick(DOMAINS);
  // some people type their address with capitals
  return random.chance(0.1) ? `${local[0]?.toUpperCase()}${local.slice(1)}@${domain.toUpperCase()}` : `${local}@${domain}`;
}

/**
 * Stamps on a card, skewed the way loyalty programmes are: many cards never get a stamp or only one or
 * two visits' worth, fewer are half full, about one in ten is at the goal.
 */
function pickStamps(random: Random, template: DemoTemplate): number {
  const roll = random.next();
  if (roll < 0.22) return 0;
  if (roll < 0.5) return random.int(1, 2);
  if (roll < 0.9) return random.int(3, template.goal - 1);
  return template.goal;
}

function pickWeighted<T>(random: Random, items: ReadonlyArray<readonly [T, number]>): T {
  let roll = random.next();
  for (const [item, weight] of items) {
    roll -= weight;
    if (roll < 0) return item;
  }
  return items[items.length - 1]![0];
}

interface CardFacts {
  cardId: number;
  createdAt: number;
  lastStampAt: number | null;
  stamps: number;
  platforms: Platform[];
  template: DemoTemplate;
}

type EventWriter = DemoSink['event'];

function addHistory(event: EventWriter, random: Random, card: CardFacts): void {
  event(card.cardId, 'card_issued', random.pick(SEATS), card.createdAt, null);
  for (const platform of card.platforms) {
    if (platform !== 'web') event(card.cardId, 'card_saved', 'system', card.createdAt + 60_000, `{"platform":"${platform}"}`);
  }
  if (card.stamps === 0 || card.lastStampAt === null) return;
  let given = 0;
  let at = card.createdAt;
  const step = (card.lastStampAt - card.createdAt) / Math.max(1, card.stamps);
  while (given < card.stamps) {
    const count = card.stamps - given >= 2 && random.chance(0.25) ? 2 : 1;
    given += count;
    at = given === card.stamps ? card.lastStampAt : Math.floor(at + step * count);
    event(card.cardId, 'stamp_added', random.pick(SEATS), at, `{"count":${count},"stamps":${given}}`);
    for (const reward of card.template.rewards) {
      if (given >= reward.stamps && given - count < reward.stamps) {
        if (reward.stamps === card.template.goal) event(card.cardId, 'goal_reached', 'system', at, `{"goal":${card.template.goal}}`);
        event(card.cardId, 'reward_issued', 'system', at, JSON.stringify({ stamps: reward.stamps, title: reward.title }));
      }
    }
  }
}
