CREATE TABLE `activity_user_years` (
	`org_path` text NOT NULL,
	`year` text NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`events` integer NOT NULL,
	`points` integer NOT NULL,
	PRIMARY KEY(`org_path`, `year`, `user_id`, `kind`)
);
--> statement-breakpoint
CREATE INDEX `activity_user_years_year_idx` ON `activity_user_years` (`year`,`org_path`,`user_id`,`kind`);--> statement-breakpoint
INSERT INTO `activity_user_years` (`org_path`, `year`, `user_id`, `kind`, `events`, `points`)
SELECT `org_path`, substr(`month`, 1, 4), `user_id`, `kind`, SUM(`events`), SUM(`points`) FROM `activity_user_months` GROUP BY 1, 2, 3, 4;
