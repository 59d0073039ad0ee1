CREATE TABLE `activity_user_months` (
	`org_path` text NOT NULL,
	`month` text NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`events` integer NOT NULL,
	`points` integer NOT NULL,
	PRIMARY KEY(`org_path`, `month`, `user_id`, `kind`)
);
--> statement-breakpoint
CREATE INDEX `activity_user_months_month_idx` ON `activity_user_months` (`month`,`org_path`,`user_id`,`kind`);--> statement-breakpoint
CREATE INDEX `activity_daily_day_idx` ON `activity_daily` (`day`,`org_path`,`kind`,`events`,`points`);--> statement-breakpoint
CREATE INDEX `activity_user_days_day_idx` ON `activity_user_days` (`day`,`org_path`,`user_id`,`kind`);--> statement-breakpoint
INSERT INTO `activity_user_months` (`org_path`, `month`, `user_id`, `kind`, `events`, `points`)
SELECT `org_path`, substr(`day`, 1, 7), `user_id`, `kind`, SUM(`events`), SUM(`points`) FROM `activity_user_days` GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
CREATE INDEX `activity_time_idx` ON `activity_events` (`occurred_at`);
--> statement-breakpoint
CREATE INDEX `attempts_campaign_id_idx` ON `quiz_attempts` (`campaign_id`,`id`);
--> statement-breakpoint
CREATE TABLE `job_cursors` (
	`name` text PRIMARY KEY NOT NULL,
	`cursor` text NOT NULL,
	`updated_at` text NOT NULL
);
