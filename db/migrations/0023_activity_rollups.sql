CREATE TABLE `activity_daily` (
	`day` text NOT NULL,
	`org_path` text NOT NULL,
	`campaign_id` text NOT NULL,
	`kind` text NOT NULL,
	`type` text NOT NULL,
	`events` integer NOT NULL,
	`points` integer NOT NULL,
	`quantity` integer NOT NULL,
	PRIMARY KEY(`org_path`, `day`, `campaign_id`, `kind`, `type`)
);
--> statement-breakpoint
CREATE INDEX `activity_daily_campaign_idx` ON `activity_daily` (`campaign_id`,`day`);--> statement-breakpoint
CREATE TABLE `activity_user_days` (
	`org_path` text NOT NULL,
	`day` text NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`events` integer NOT NULL,
	`points` integer NOT NULL,
	PRIMARY KEY(`org_path`, `day`, `user_id`, `kind`)
);
--> statement-breakpoint
CREATE INDEX `activity_user_days_user_idx` ON `activity_user_days` (`user_id`,`day`);--> statement-breakpoint
CREATE TABLE `rollup_state` (
	`name` text PRIMARY KEY NOT NULL,
	`last_rowid` integer NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
INSERT INTO `rollup_state` (`name`, `last_rowid`, `updated_at`) VALUES ('activity', 0, '1970-01-01T00:00:00.000Z');
