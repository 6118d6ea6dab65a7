DROP INDEX `vouchers_batch_idx`;--> statement-breakpoint
CREATE INDEX `vouchers_batch_status_idx` ON `vouchers` (`batch_id`,`status`,`expires_at`);