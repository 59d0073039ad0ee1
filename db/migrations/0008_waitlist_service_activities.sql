CREATE TABLE `service_activities` (
	`id` text PRIMARY KEY NOT NULL,
	`campaign_id` text NOT NULL,
	`org_unit_id` text NOT NULL,
	`org_path` text NOT NULL,
	`title` text NOT NULL,
	`place` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`starts_at` text NOT NULL,
	`ends_at` text NOT NULL,
	`capacity` integer NOT NULL,
	`signed_up` integer DEFAULT 0 NOT NULL,
	`code_secret` text NOT NULL,
	`status` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `service_activities_campaign_idx` ON `service_activities` (`campaign_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `service_activities_path_idx` ON `service_activities` (`campaign_id`,`org_path`);--> statement-breakpoint
CREATE TABLE `service_signups` (
	`activity_id` text NOT NULL,
	`user_id` text NOT NULL,
	`status` text NOT NULL,
	`checked_in_at` text,
	`checked_out_at` text,
	`record_id` text,
	`created_at` text NOT NULL,
	PRIMARY KEY(`activity_id`, `user_id`)
);
--> statement-breakpoint
CREATE INDEX `service_signups_user_idx` ON `service_signups` (`user_id`,`status`);--> statement-breakpoint
CREATE TABLE `slot_waitlist` (
	`id` text PRIMARY KEY NOT NULL,
	`campaign_id` text NOT NULL,
	`slot_id` text NOT NULL,
	`user_id` text NOT NULL,
	`name` text NOT NULL,
	`phone` text NOT NULL,
	`party_size` integer NOT NULL,
	`day` text NOT NULL,
	`status` text NOT NULL,
	`booking_id` text,
	`created_at` text NOT NULL,
	`resolved_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `waitlist_one_uq` ON `slot_waitlist` (`slot_id`,`user_id`) WHERE status = 'waiting';--> statement-breakpoint
CREATE INDEX `waitlist_queue_idx` ON `slot_waitlist` (`slot_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `waitlist_user_idx` ON `slot_waitlist` (`user_id`,`status`);--> statement-breakpoint
ALTER TABLE `service_records` ADD `source` text DEFAULT 'self' NOT NULL;--> statement-breakpoint
ALTER TABLE `service_records` ADD `activity_id` text;