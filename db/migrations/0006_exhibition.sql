CREATE TABLE `bookings` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`campaign_id` text NOT NULL,
	`slot_id` text NOT NULL,
	`user_id` text NOT NULL,
	`name` text NOT NULL,
	`phone` text NOT NULL,
	`party_size` integer NOT NULL,
	`day` text NOT NULL,
	`is_group` integer DEFAULT false NOT NULL,
	`org_unit_id` text,
	`status` text NOT NULL,
	`created_at` text NOT NULL,
	`cancelled_at` text,
	`checked_in_at` text,
	`checked_in_by` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bookings_code_unique` ON `bookings` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `bookings_one_a_day_uq` ON `bookings` (`campaign_id`,`user_id`,`day`) WHERE status IN ('booked', 'checked_in') AND is_group = 0;--> statement-breakpoint
CREATE INDEX `bookings_slot_idx` ON `bookings` (`slot_id`,`status`);--> statement-breakpoint
CREATE INDEX `bookings_user_idx` ON `bookings` (`user_id`,`status`);--> statement-breakpoint
CREATE INDEX `bookings_campaign_day_idx` ON `bookings` (`campaign_id`,`day`);--> statement-breakpoint
CREATE TABLE `exhibition_slots` (
	`id` text PRIMARY KEY NOT NULL,
	`campaign_id` text NOT NULL,
	`starts_at` text NOT NULL,
	`ends_at` text NOT NULL,
	`capacity` integer NOT NULL,
	`booked` integer DEFAULT 0 NOT NULL,
	`closed` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `slots_campaign_time_idx` ON `exhibition_slots` (`campaign_id`,`starts_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `slots_campaign_start_uq` ON `exhibition_slots` (`campaign_id`,`starts_at`,`ends_at`);