ALTER TABLE `campaigns` ADD `source` text DEFAULT 'platform' NOT NULL;--> statement-breakpoint
ALTER TABLE `bookings` ADD `source` text DEFAULT 'platform' NOT NULL;--> statement-breakpoint
ALTER TABLE `contest_entries` ADD `source` text DEFAULT 'platform' NOT NULL;--> statement-breakpoint
ALTER TABLE `pledges` ADD `source` text DEFAULT 'platform' NOT NULL;--> statement-breakpoint
ALTER TABLE `training_sessions` ADD `source` text DEFAULT 'platform' NOT NULL;--> statement-breakpoint
ALTER TABLE `training_attendance` ADD `source` text DEFAULT 'platform' NOT NULL;--> statement-breakpoint
ALTER TABLE `activity_events` ADD `source` text DEFAULT 'platform' NOT NULL;
