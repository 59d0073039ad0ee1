CREATE TABLE `training_attendance` (
	`session_id` text NOT NULL,
	`roster_id` text NOT NULL,
	`campaign_id` text NOT NULL,
	`user_id` text,
	`org_unit_id` text NOT NULL,
	`org_path` text NOT NULL,
	`status` text NOT NULL,
	`mode` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`hours` real NOT NULL,
	`checked_in_at` text,
	`marked_by` text,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`session_id`, `roster_id`)
);
--> statement-breakpoint
CREATE INDEX `training_attendance_campaign_idx` ON `training_attendance` (`campaign_id`,`org_path`);--> statement-breakpoint
CREATE INDEX `training_attendance_user_idx` ON `training_attendance` (`user_id`);--> statement-breakpoint
CREATE TABLE `training_enrollments` (
	`campaign_id` text NOT NULL,
	`roster_id` text NOT NULL,
	`org_unit_id` text NOT NULL,
	`org_path` text NOT NULL,
	`source` text NOT NULL,
	`created_by` text,
	`created_at` text NOT NULL,
	PRIMARY KEY(`campaign_id`, `roster_id`)
);
--> statement-breakpoint
CREATE INDEX `training_enrollments_path_idx` ON `training_enrollments` (`campaign_id`,`org_path`);--> statement-breakpoint
CREATE INDEX `training_enrollments_roster_idx` ON `training_enrollments` (`roster_id`);--> statement-breakpoint
CREATE TABLE `training_materials` (
	`id` text PRIMARY KEY NOT NULL,
	`campaign_id` text NOT NULL,
	`title` text NOT NULL,
	`kind` text NOT NULL,
	`url` text NOT NULL,
	`minutes` real NOT NULL,
	`hours` real NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `training_materials_campaign_idx` ON `training_materials` (`campaign_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `training_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`campaign_id` text NOT NULL,
	`title` text NOT NULL,
	`starts_at` text NOT NULL,
	`ends_at` text NOT NULL,
	`location` text DEFAULT '' NOT NULL,
	`lecturer` text DEFAULT '' NOT NULL,
	`hours` real NOT NULL,
	`code_secret` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `training_sessions_campaign_idx` ON `training_sessions` (`campaign_id`,`starts_at`);--> statement-breakpoint
CREATE TABLE `training_studies` (
	`id` text PRIMARY KEY NOT NULL,
	`material_id` text NOT NULL,
	`campaign_id` text NOT NULL,
	`user_id` text NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `training_studies_once_uq` ON `training_studies` (`material_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `training_studies_user_idx` ON `training_studies` (`user_id`,`finished_at`);
