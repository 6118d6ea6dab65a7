CREATE TABLE `scan_failures` (
	`id` integer PRIMARY KEY NOT NULL,
	`seat` text NOT NULL,
	`at` integer NOT NULL,
	`outcome` text NOT NULL,
	`input` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `scan_failures_seat_idx` ON `scan_failures` (`seat`,`at`);--> statement-breakpoint
CREATE TABLE `seat_locks` (
	`seat` text PRIMARY KEY NOT NULL,
	`until` integer NOT NULL,
	`failures` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `vouchers_generated_code_unique` ON `vouchers` (`redeem_code`) WHERE code_kind = 'generated';--> statement-breakpoint
CREATE INDEX `vouchers_active_expiry_idx` ON `vouchers` (`expires_at`) WHERE status = 'active' AND expires_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX `vouchers_issued_idx` ON `vouchers` (`issued_at`);