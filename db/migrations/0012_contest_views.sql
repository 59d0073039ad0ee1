CREATE TABLE `contest_views` (
	`entry_id` text NOT NULL,
	`viewer_key` text NOT NULL,
	`day` text NOT NULL,
	PRIMARY KEY(`entry_id`, `viewer_key`, `day`)
);
--> statement-breakpoint
CREATE INDEX `contest_views_day_idx` ON `contest_views` (`day`);
