CREATE TABLE `voucher_titles` (
	`title` text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE INDEX `vouchers_title_idx` ON `vouchers` (`title`);--> statement-breakpoint
INSERT OR IGNORE INTO `voucher_titles` (`title`) SELECT DISTINCT `title` FROM `vouchers`;--> statement-breakpoint
CREATE TRIGGER `voucher_titles_insert` AFTER INSERT ON `vouchers` BEGIN
  INSERT OR IGNORE INTO `voucher_titles` (`title`) VALUES (NEW.title);
END;--> statement-breakpoint
CREATE TRIGGER `voucher_titles_update` AFTER UPDATE OF `title` ON `vouchers` BEGIN
  INSERT OR IGNORE INTO `voucher_titles` (`title`) VALUES (NEW.title);
END;
