CREATE TABLE `contest_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`campaign_id` text NOT NULL,
	`user_id` text NOT NULL,
	`org_unit_id` text,
	`upload_id` text NOT NULL,
	`category` text NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`author_name` text NOT NULL,
	`status` text NOT NULL,
	`reason` text,
	`image_key` text NOT NULL,
	`display_key` text,
	`thumb_key` text,
	`content_type` text NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`bytes` integer NOT NULL,
	`sha256` text NOT NULL,
	`round` integer DEFAULT 0 NOT NULL,
	`votes` integer DEFAULT 0 NOT NULL,
	`views` integer DEFAULT 0 NOT NULL,
	`award` text,
	`created_at` text NOT NULL,
	`reviewed_at` text,
	`reviewed_by` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `entries_upload_uq` ON `contest_entries` (`campaign_id`,`user_id`,`upload_id`);--> statement-breakpoint
CREATE INDEX `entries_campaign_status_idx` ON `contest_entries` (`campaign_id`,`status`,`category`);--> statement-breakpoint
CREATE INDEX `entries_user_idx` ON `contest_entries` (`user_id`,`campaign_id`,`category`);--> statement-breakpoint
CREATE INDEX `entries_sha_idx` ON `contest_entries` (`campaign_id`,`sha256`);--> statement-breakpoint
CREATE TABLE `contest_judges` (
	`campaign_id` text NOT NULL,
	`user_id` text NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`campaign_id`, `user_id`)
);
--> statement-breakpoint
CREATE TABLE `contest_votes` (
	`id` text PRIMARY KEY NOT NULL,
	`campaign_id` text NOT NULL,
	`entry_id` text NOT NULL,
	`voter_id` text NOT NULL,
	`day` text NOT NULL,
	`ip` text NOT NULL,
	`account_created_at` text NOT NULL,
	`flagged` integer DEFAULT false NOT NULL,
	`flag_reason` text,
	`discounted` integer DEFAULT false NOT NULL,
	`discount_reason` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `votes_once_a_day_uq` ON `contest_votes` (`entry_id`,`voter_id`,`day`);--> statement-breakpoint
CREATE INDEX `votes_voter_day_idx` ON `contest_votes` (`voter_id`,`campaign_id`,`day`);--> statement-breakpoint
CREATE INDEX `votes_entry_time_idx` ON `contest_votes` (`entry_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `votes_campaign_flag_idx` ON `contest_votes` (`campaign_id`,`flagged`);--> statement-breakpoint
CREATE TABLE `judge_assignments` (
	`round_id` text NOT NULL,
	`entry_id` text NOT NULL,
	`judge_id` text NOT NULL,
	`conflict` integer DEFAULT false NOT NULL,
	`total` real,
	`criteria` text,
	`scored_at` text,
	PRIMARY KEY(`round_id`, `entry_id`, `judge_id`)
);
--> statement-breakpoint
CREATE INDEX `assign_judge_idx` ON `judge_assignments` (`judge_id`,`round_id`);--> statement-breakpoint
CREATE TABLE `judging_rounds` (
	`id` text PRIMARY KEY NOT NULL,
	`campaign_id` text NOT NULL,
	`ord` integer NOT NULL,
	`name` text NOT NULL,
	`criteria` text NOT NULL,
	`assignment` text NOT NULL,
	`judges_per_entry` integer DEFAULT 3 NOT NULL,
	`quorum` integer DEFAULT 1 NOT NULL,
	`status` text NOT NULL,
	`closed_at` text,
	`unfinished` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rounds_campaign_ord_uq` ON `judging_rounds` (`campaign_id`,`ord`);