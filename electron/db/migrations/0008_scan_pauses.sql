-- The scan pause belongs to the installation, not to a seat name: one installation id per data folder, made
-- here once; pauses become rows that stay as their history (who ended one early, and when). Locks taken before
-- the upgrade are carried over (their start reckoned from the lock length in Settings), and the failures logged
-- so far were made by this installation.
CREATE TABLE `installation` (
	`id` integer PRIMARY KEY NOT NULL,
	`installation_id` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `installation` (`id`, `installation_id`, `created_at`) VALUES (1, lower(hex(randomblob(16))), CAST(strftime('%s', 'now') AS INTEGER) * 1000);--> statement-breakpoint
CREATE TABLE `scan_pauses` (
	`id` integer PRIMARY KEY NOT NULL,
	`installation_id` text NOT NULL,
	`seat` text NOT NULL,
	`started_at` integer NOT NULL,
	`until` integer NOT NULL,
	`failures` integer NOT NULL,
	`ended_at` integer,
	`ended_by` text
);
--> statement-breakpoint
CREATE INDEX `scan_pauses_installation_idx` ON `scan_pauses` (`installation_id`,`id`);--> statement-breakpoint
INSERT INTO `scan_pauses` (`installation_id`, `seat`, `started_at`, `until`, `failures`)
  SELECT (SELECT `installation_id` FROM `installation` WHERE `id` = 1), `seat`,
    `until` - 60000 * coalesce((SELECT CAST(`value` AS INTEGER) FROM `settings` WHERE `key` = 'scanLockMinutes'), 5), `until`, `failures`
  FROM `seat_locks`;--> statement-breakpoint
DROP TABLE `seat_locks`;--> statement-breakpoint
ALTER TABLE `scan_failures` ADD `installation_id` text;--> statement-breakpoint
UPDATE `scan_failures` SET `installation_id` = (SELECT `installation_id` FROM `installation` WHERE `id` = 1);--> statement-breakpoint
CREATE INDEX `scan_failures_installation_idx` ON `scan_failures` (`installation_id`,`at`);