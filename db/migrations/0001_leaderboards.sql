CREATE TABLE `leaderboard_entries` (
	`board_id` text NOT NULL,
	`key` text NOT NULL,
	`score` real NOT NULL,
	`tiebreak` real DEFAULT 0 NOT NULL,
	`name` text NOT NULL,
	`org_unit_id` text,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`board_id`, `key`)
);
--> statement-breakpoint
CREATE INDEX `lb_entries_rank_idx` ON `leaderboard_entries` (`board_id`,`score`,`tiebreak`);--> statement-breakpoint
CREATE TABLE `leaderboard_frozen` (
	`board_id` text NOT NULL,
	`key` text NOT NULL,
	`score` real NOT NULL,
	`tiebreak` real NOT NULL,
	`name` text NOT NULL,
	`org_unit_id` text,
	PRIMARY KEY(`board_id`, `key`)
);
--> statement-breakpoint
CREATE TABLE `leaderboards` (
	`board_id` text PRIMARY KEY NOT NULL,
	`campaign_id` text NOT NULL,
	`frozen_at` text,
	`updated_at` text NOT NULL
);
