import { AppError } from '../../shared/api/errors';
import type { TemplateSummary } from '../../shared/schemas/cards';
import type { Db } from '../db/client';
import { listTemplateVersions } from '../db/repos/templates.repo';
import type { HandlersFor } from '../core/handler-types';
import { adjustStamps, deleteCard, getCardDetails, getCardHistory, requireLiveCard, sendMessage } from './card-service';
import { searchCards } from './card-search';
import { exportCardsCsv, exportHistoryCsv } from './csv-export';
import { importCardsCsv } from './csv-import';

export interface CardsDeps {
  db: Db;
  /** Opens an address in the default browser (Electron); absent in the browser host. */
  openExternal?: (url: string) => Promise<void>;
}

type CardMethods =
  | 'cards.search'
  | 'cards.get'
  | 'cards.history'
  | 'cards.delete'
  | 'cards.adjustStamps'
  | 'cards.sendMessage'
  | 'cards.importCsv'
  | 'cards.exportCsv'
  | 'cards.exportHistoryCsv'
  | 'cards.openPublicPage'
  | 'templates.list';

export function createCardsHandlers({ db, openExternal }: CardsDeps): HandlersFor<CardMethods> {
  return {
    'cards.search': (input) => searchCards(db, input),
    'cards.get': ({ id }) => getCardDetails(db, id),
    'cards.history': ({ id, cursor, limit }) => getCardHistory(db, id, cursor, limit),
    'cards.delete': ({ id }, ctx) => deleteCard(db, id, ctx),
    'cards.adjustStamps': ({ id, delta, reason }, ctx) => adjustStamps(db, id, delta, reason, ctx),
    'cards.sendMessage': ({ id, push, email }, ctx) => sendMessage(db, id, { push, email }, ctx),
    'cards.importCsv': ({ csv, dryRun }, ctx) => importCardsCsv(db, csv, dryRun, ctx),
    'cards.exportCsv': ({ query, filter }, ctx) => exportCardsCsv(db, query, filter, ctx.now()),
    'cards.exportHistoryCsv': ({ id }, ctx) => {
      getCardDetails(db, id);
      return exportHistoryCsv(db, id, ctx.now());
    },
    'cards.openPublicPage': async ({ id }) => {
      requireLiveCard(db, id);
      const url = getCardDetails(db, id).publicPageUrl;
      if (!url) throw new AppError('conflict', 'card.publicPageNotSet', { field: 'id' });
      if (!openExternal) return { url, opened: false };
      await openExternal(url);
      return { url, opened: true };
    },
    'templates.list': () => {
      const byId = new Map<number, TemplateSummary>();
      for (const row of listTemplateVersions(db)) {
        const template = byId.get(row.id) ?? { id: row.id, name: row.name, versions: [] };
        template.versions.push({ version: row.version, goal: row.goal });
        byId.set(row.id, template);
      }
      return [...byId.values()];
    },
  };
}
