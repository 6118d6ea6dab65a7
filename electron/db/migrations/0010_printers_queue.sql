-- The printer bridge (issue 10): printers get their paper, dots, language, last success and error, last status
-- and a removal mark; jobs get what they print (a voucher, a batch or a range of it, copies, a test page) and their
-- progress. Old rows are kept and carried over.
ALTER TABLE `print_jobs` ADD `kind` text DEFAULT 'voucher' NOT NULL;--> statement-breakpoint
ALTER TABLE `print_jobs` ADD `voucher_id` integer;--> statement-breakpoint
ALTER TABLE `print_jobs` ADD `batch_id` integer;--> statement-breakpoint
ALTER TABLE `print_jobs` ADD `range_from` integer;--> statement-breakpoint
ALTER TABLE `print_jobs` ADD `range_to` integer;--> statement-breakpoint
ALTER TABLE `print_jobs` ADD `copies` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `print_jobs` ADD `title` text;--> statement-breakpoint
ALTER TABLE `print_jobs` ADD `total` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `print_jobs` ADD `done` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `print_jobs` ADD `bytes_sent` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `print_jobs` ADD `voucher_ids` text;--> statement-breakpoint
ALTER TABLE `print_jobs` ADD `skipped` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `print_jobs` ADD `reason_key` text;--> statement-breakpoint
ALTER TABLE `print_jobs` ADD `reason_params` text;--> statement-breakpoint
CREATE INDEX `print_jobs_printer_idx` ON `print_jobs` (`printer_id`,`status`,`id`);--> statement-breakpoint
-- jobs stored by an earlier build named no voucher this queue can print: the finished ones stay as history, the rest are closed
UPDATE `print_jobs` SET `status` = CASE WHEN `status` IN ('done', 'failed') THEN `status` ELSE 'cancelled' END;--> statement-breakpoint
ALTER TABLE `print_jobs` DROP COLUMN `payload`;--> statement-breakpoint
ALTER TABLE `print_jobs` DROP COLUMN `reason`;--> statement-breakpoint
ALTER TABLE `printers` ADD `paper_width` integer DEFAULT 80 NOT NULL;--> statement-breakpoint
ALTER TABLE `printers` ADD `dots` integer DEFAULT 576 NOT NULL;--> statement-breakpoint
ALTER TABLE `printers` ADD `language` text DEFAULT 'esc-pos' NOT NULL;--> statement-breakpoint
ALTER TABLE `printers` ADD `last_success_at` integer;--> statement-breakpoint
ALTER TABLE `printers` ADD `last_error_key` text;--> statement-breakpoint
ALTER TABLE `printers` ADD `last_error_params` text;--> statement-breakpoint
ALTER TABLE `printers` ADD `last_error_at` integer;--> statement-breakpoint
ALTER TABLE `printers` ADD `status_state` text;--> statement-breakpoint
ALTER TABLE `printers` ADD `status_reason_key` text;--> statement-breakpoint
ALTER TABLE `printers` ADD `status_reason_params` text;--> statement-breakpoint
ALTER TABLE `printers` ADD `status_checked_at` integer;--> statement-breakpoint
ALTER TABLE `printers` ADD `removed_at` integer;--> statement-breakpoint
-- printers of an earlier build: raw ESC/POS over TCP is a network printer; the paper follows the printable dots
UPDATE `printers` SET `dots` = CASE WHEN `width_dots` IN (384, 420, 512, 576) THEN `width_dots` ELSE 576 END,
  `kind` = CASE WHEN `kind` = 'system' THEN 'system' ELSE 'network' END;--> statement-breakpoint
UPDATE `printers` SET `paper_width` = CASE WHEN `dots` IN (384, 420) THEN 58 ELSE 80 END;--> statement-breakpoint
-- exactly one default when any printer exists: the first of several defaults, or the first printer
UPDATE `printers` SET `is_default` = 0 WHERE `is_default` = 1 AND `id` <> (SELECT min(`id`) FROM `printers` WHERE `is_default` = 1);--> statement-breakpoint
UPDATE `printers` SET `is_default` = 1 WHERE `id` = (SELECT min(`id`) FROM `printers`) AND NOT EXISTS (SELECT 1 FROM `printers` WHERE `is_default` = 1);--> statement-breakpoint
CREATE UNIQUE INDEX `printers_one_default` ON `printers` (`is_default`) WHERE is_default = 1 AND removed_at IS NULL;--> statement-breakpoint
ALTER TABLE `printers` DROP COLUMN `width_dots`;