import { maskToPlatforms } from '../../shared/domain/platforms';
import { formatRedeemCode } from '../../shared/domain/redeem-code';
import { IMPORT_COLUMNS, type CardFilter, type CsvFile } from '../../shared/schemas/cards';
import type { Db } from '../db/client';
import { iterateCards } from '../db/repos/card-list.repo';
import { listCardEvents } from '../db/repos/card-details.repo';
import { BOM, csvLine } from '../csv/write-csv';
import { resolveSearch } from './card-search';

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

/**
 * The current result of the list as CSV, in the import's own columns (an export can be imported
 * again), UTF-8 with a byte order mark so spreadsheet programs show every script.
 */
export function exportCardsCsv(db: Db, query: string | undefined, filter: CardFilter | undefined, now: number): CsvFile {
  const parts: string[] = [BOM, csvLine([...IMPORT_COLUMNS])];
  let rows = 0;
  for (const card of iterateCards(db, resolveSearch(db, query).plan, filter)) {
    rows++;
    parts.push(
      csvLine([
        card.id, card.name, card.email, card.phone, card.templateId, card.templateVersion, card.stamps, card.goal,
        maskToPlatforms(card.platforms).join('|'), iso(card.createdAt), iso(card.lastStampAt),
      ]),
    );
  }
  return { fileName: `stampdesk-cards-${new Date(now).toISOString().slice(0, 10)}.csv`, csv: parts.join(''), rows };
}

/** A card's whole history as CSV, newest first; voucher events name their voucher (title, code as printed). */
export function exportHistoryCsv(db: Db, cardId: number, now: number): CsvFile {
  const parts: string[] = [BOM, csvLine(['event_id', 'type', 'at', 'seat', 'details', 'voucher_title', 'voucher_code'])];
  let rows = 0;
  let before: number | undefined;
  for (;;) {
    const page = listCardEvents(db, cardId, before, 5000);
    for (const event of page) {
      rows++;
      const code = event.voucherCode === null ? null : formatRedeemCode(event.voucherCode);
      parts.push(csvLine([event.id, event.type, iso(event.at), event.seat, event.data ?? '', event.voucherTitle, code]));
    }
    if (page.length < 5000) break;
    before = page[page.length - 1]!.id;
  }
  return { fileName: `stampdesk-card-${cardId}-history-${new Date(now).toISOString().slice(0, 10)}.csv`, csv: parts.join(''), rows };
}

