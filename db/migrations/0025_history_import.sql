ALTER TABLE `campaigns` ADD `source` text DEFAULT 'platform' NOT NULL;--> statement-breakpoint
ALTER TABLE `bookings` ADD `source` text DEFAULT 'platform' NOT NULL;--> statement-breakpoint
ALTER TABLE `contest_entries` ADD `source` text DEFAULT 'platform' NOT NULL;--> statement-breakpoint
ALTER TABLE `pledges` ADD `source` text DEFAULT 'platform' NOT NULL;--> statement-breakpoint
ALTER TABLE `training_sessions` ADD `source` text DEFAULT 'platform' NOT NULL;--> statement-breakpoint
ALTER TABLE `training_attendance` ADD `source` text DEFAULT 'platform' NOT NULL;--> statement-breakpoint
ALTER TABLE `activity_events` ADD `source` text DEFAULT 'platform' NOT NULL;--> statement-breakpoint
CREATE TABLE `imported_people` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`phone_masked` text DEFAULT '' NOT NULL,
	`org_unit_id` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `imported_people_unit_idx` ON `imported_people` (`org_unit_id`);
