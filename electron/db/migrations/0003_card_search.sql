-- Card search: a trigram full-text index over each live card's customer name (its search key, see
-- shared/domain/search-key.ts), kept in step by triggers. rowid = card number.
-- Contentless: it stores no second copy of the text. (Phones are found through customers_phone_idx
-- and customers_phone_reversed_idx, e-mails through customers_email_key_idx.)
CREATE VIRTUAL TABLE `card_search` USING fts5(name, tokenize = 'trigram', content = '', contentless_delete = 1);
--> statement-breakpoint
INSERT INTO `card_search` (rowid, name)
  SELECT c.id, cu.name_key FROM cards c JOIN customers cu ON cu.id = c.customer_id
  WHERE c.deleted_at IS NULL;
--> statement-breakpoint
-- Sorting the live list by last stamp and by progress, with keyset paging.
CREATE INDEX `cards_live_last_stamp_idx` ON `cards` (coalesce(last_stamp_at, 0)) WHERE deleted_at IS NULL;
--> statement-breakpoint
CREATE INDEX `cards_live_progress_idx` ON `cards` (stamps * 1.0 / goal) WHERE deleted_at IS NULL;
--> statement-breakpoint
-- Triggers named cards_search_* / customers_search_* / cards_count_* are switched off during bulk
-- loads (seed, large imports), which then rebuild the index and the count themselves.
CREATE TRIGGER `cards_search_insert` AFTER INSERT ON `cards` WHEN NEW.deleted_at IS NULL BEGIN
  INSERT INTO card_search (rowid, name) SELECT NEW.id, cu.name_key FROM customers cu WHERE cu.id = NEW.customer_id;
END;
--> statement-breakpoint
CREATE TRIGGER `cards_search_soft_delete` AFTER UPDATE OF deleted_at ON `cards`
  WHEN NEW.deleted_at IS NOT NULL AND OLD.deleted_at IS NULL BEGIN
  DELETE FROM card_search WHERE rowid = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `cards_search_customer_change` AFTER UPDATE OF customer_id ON `cards` WHEN NEW.deleted_at IS NULL BEGIN
  DELETE FROM card_search WHERE rowid = NEW.id;
  INSERT INTO card_search (rowid, name) SELECT NEW.id, cu.name_key FROM customers cu WHERE cu.id = NEW.customer_id;
END;
--> statement-breakpoint
CREATE TRIGGER `cards_search_hard_delete` AFTER DELETE ON `cards` WHEN OLD.deleted_at IS NULL BEGIN
  DELETE FROM card_search WHERE rowid = OLD.id;
END;
--> statement-breakpoint
CREATE TRIGGER `customers_search_update` AFTER UPDATE OF name ON `customers` BEGIN
  DELETE FROM card_search WHERE rowid IN (SELECT id FROM cards WHERE customer_id = NEW.id AND deleted_at IS NULL);
  INSERT INTO card_search (rowid, name) SELECT id, NEW.name_key FROM cards WHERE customer_id = NEW.id AND deleted_at IS NULL;
END;
--> statement-breakpoint
-- The number of live cards, kept by triggers (counting a million rows takes ~50 ms).
INSERT INTO `counters` (name, value) SELECT 'live_cards', count(*) FROM cards WHERE deleted_at IS NULL
  ON CONFLICT(name) DO UPDATE SET value = excluded.value;
--> statement-breakpoint
CREATE TRIGGER `cards_count_insert` AFTER INSERT ON `cards` WHEN NEW.deleted_at IS NULL BEGIN
  UPDATE counters SET value = value + 1 WHERE name = 'live_cards';
END;
--> statement-breakpoint
CREATE TRIGGER `cards_count_soft_delete` AFTER UPDATE OF deleted_at ON `cards`
  WHEN NEW.deleted_at IS NOT NULL AND OLD.deleted_at IS NULL BEGIN
  UPDATE counters SET value = value - 1 WHERE name = 'live_cards';
END;
--> statement-breakpoint
CREATE TRIGGER `cards_count_hard_delete` AFTER DELETE ON `cards` WHEN OLD.deleted_at IS NULL BEGIN
  UPDATE counters SET value = value - 1 WHERE name = 'live_cards';
END;
