-- National phone search: each customer's phone is indexed in its national form (as typed at home,
-- trunk prefix included) beside the international one (phone_digits, now E.164 digits when the number
-- parses). Parsing needs the shop's country (settings) and libphonenumber-js, so the forms are filled
-- by the app right after this migration (electron/cards/phone-search.ts, syncPhoneSearch): with no row
-- in phone_search it computes them for every customer, in one UPDATE with the phone indexes rebuilt
-- afterwards in sorted passes.
CREATE TABLE `phone_search` (
	`id` integer PRIMARY KEY NOT NULL,
	`country` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `customers` ADD `phone_national` text;--> statement-breakpoint
CREATE INDEX `customers_phone_national_idx` ON `customers` (`phone_national`);
