-- Sync with the cloud card service (issue 11): global ids for events, messages and voucher batches (existing rows
-- get random ones, and a trigger fills one for any row inserted without it), the outbox entry's settlement
-- (confirmed_at, outcome), a redemption's state (confirmed by the cloud or provisional), the conflicts list, and this
-- data folder's device id (the installation id made by 0008). Outbox rows of earlier builds keep their place; they
-- are rewritten in the wire format at start-up (electron/db/repos/sync-legacy-outbox.repo.ts).
CREATE TABLE `sync_conflicts` (
	`id` integer PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`entry_seq` integer,
	`operation` text NOT NULL,
	`at` integer NOT NULL,
	`seat` text NOT NULL,
	`card_token` text,
	`voucher_token` text,
	`label` text,
	`reason_key` text NOT NULL,
	`reason_params` text DEFAULT '{}' NOT NULL,
	`detail` text,
	`created_at` integer NOT NULL,
	`seen_at` integer
);
--> statement-breakpoint
CREATE INDEX `sync_conflicts_unseen_idx` ON `sync_conflicts` (`id`) WHERE seen_at IS NULL;--> statement-breakpoint
DROP INDEX `outbox_pending_idx`;--> statement-breakpoint
ALTER TABLE `outbox` ADD `confirmed_at` integer;--> statement-breakpoint
ALTER TABLE `outbox` ADD `outcome` text;--> statement-breakpoint
CREATE INDEX `outbox_unconfirmed_idx` ON `outbox` (`id`) WHERE confirmed_at IS NULL;--> statement-breakpoint
ALTER TABLE `events` ADD `uid` text;--> statement-breakpoint
CREATE UNIQUE INDEX `events_uid_unique` ON `events` (`uid`);--> statement-breakpoint
ALTER TABLE `voucher_batches` ADD `uid` text;--> statement-breakpoint
CREATE UNIQUE INDEX `voucher_batches_uid_unique` ON `voucher_batches` (`uid`);--> statement-breakpoint
ALTER TABLE `vouchers` ADD `redeem_state` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `uid` text;--> statement-breakpoint
CREATE UNIQUE INDEX `messages_uid_unique` ON `messages` (`uid`);--> statement-breakpoint
UPDATE `events` SET `uid` = lower(hex(randomblob(16))) WHERE `uid` IS NULL;--> statement-breakpoint
UPDATE `messages` SET `uid` = lower(hex(randomblob(16))) WHERE `uid` IS NULL;--> statement-breakpoint
UPDATE `voucher_batches` SET `uid` = lower(hex(randomblob(16))) WHERE `uid` IS NULL;--> statement-breakpoint
CREATE TRIGGER `events_uid_fill` AFTER INSERT ON `events` WHEN NEW.uid IS NULL BEGIN
  UPDATE `events` SET `uid` = lower(hex(randomblob(16))) WHERE `id` = NEW.id;
END;--> statement-breakpoint
CREATE TRIGGER `messages_uid_fill` AFTER INSERT ON `messages` WHEN NEW.uid IS NULL BEGIN
  UPDATE `messages` SET `uid` = lower(hex(randomblob(16))) WHERE `id` = NEW.id;
END;--> statement-breakpoint
CREATE TRIGGER `voucher_batches_uid_fill` AFTER INSERT ON `voucher_batches` WHEN NEW.uid IS NULL BEGIN
  UPDATE `voucher_batches` SET `uid` = lower(hex(randomblob(16))) WHERE `id` = NEW.id;
END;--> statement-breakpoint
-- redemptions made before sync existed stand as this PC made them
UPDATE `vouchers` SET `redeem_state` = 'confirmed' WHERE `status` = 'redeemed';--> statement-breakpoint
INSERT INTO `sync_state` (`key`, `value`) SELECT 'deviceId', `installation_id` FROM `installation` WHERE `id` = 1
  ON CONFLICT(`key`) DO NOTHING;