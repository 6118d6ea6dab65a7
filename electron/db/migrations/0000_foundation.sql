CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `customers` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`email` text,
	`phone` text,
	`phone_digits` text,
	`birthday` text,
	`created_at` integer NOT NULL,
	`name_key` text GENERATED ALWAYS AS (stampdesk_search_key(name)) STORED,
	`email_key` text GENERATED ALWAYS AS (lower(trim(email))) STORED,
	`phone_reversed` text GENERATED ALWAYS AS (stampdesk_reverse(phone_digits)) STORED
);
--> statement-breakpoint
CREATE INDEX `customers_name_key_idx` ON `customers` (`name_key`,`id`);--> statement-breakpoint
CREATE INDEX `customers_email_key_idx` ON `customers` (`email_key`);--> statement-breakpoint
CREATE INDEX `customers_phone_idx` ON `customers` (`phone_digits`);--> statement-breakpoint
CREATE INDEX `customers_phone_reversed_idx` ON `customers` (`phone_reversed`);--> statement-breakpoint
CREATE TABLE `images` (
	`id` text PRIMARY KEY NOT NULL,
	`mime` text NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`byte_size` integer NOT NULL,
	`bytes` blob NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `card_templates` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `template_rewards` (
	`template_id` integer NOT NULL,
	`version` integer NOT NULL,
	`stamps` integer NOT NULL,
	`title` text NOT NULL,
	`image_id` text,
	PRIMARY KEY(`template_id`, `version`, `stamps`),
	FOREIGN KEY (`image_id`) REFERENCES `images`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`template_id`,`version`) REFERENCES `template_versions`(`template_id`,`version`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `template_versions` (
	`template_id` integer NOT NULL,
	`version` integer NOT NULL,
	`goal` integer NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`template_id`, `version`),
	FOREIGN KEY (`template_id`) REFERENCES `card_templates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `cards` (
	`id` integer PRIMARY KEY NOT NULL,
	`token` text NOT NULL,
	`customer_id` integer NOT NULL,
	`template_id` integer NOT NULL,
	`template_version` integer NOT NULL,
	`stamps` integer DEFAULT 0 NOT NULL,
	`goal` integer NOT NULL,
	`platforms` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`last_stamp_at` integer,
	`deleted_at` integer,
	`deleted_by` text,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`template_id`,`template_version`) REFERENCES `template_versions`(`template_id`,`version`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cards_token_unique` ON `cards` (`token`);--> statement-breakpoint
CREATE INDEX `cards_customer_idx` ON `cards` (`customer_id`,`deleted_at`);--> statement-breakpoint
CREATE INDEX `cards_live_created_idx` ON `cards` (`created_at`) WHERE deleted_at IS NULL;--> statement-breakpoint
CREATE TABLE `events` (
	`id` integer PRIMARY KEY NOT NULL,
	`card_id` integer,
	`voucher_id` integer,
	`type` text NOT NULL,
	`seat` text NOT NULL,
	`at` integer NOT NULL,
	`data` text,
	FOREIGN KEY (`card_id`) REFERENCES `cards`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `events_card_idx` ON `events` (`card_id`,`id`);--> statement-breakpoint
CREATE INDEX `events_voucher_idx` ON `events` (`voucher_id`) WHERE voucher_id IS NOT NULL;