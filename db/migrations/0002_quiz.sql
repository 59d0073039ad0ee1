CREATE TABLE `question_banks` (
	`id` text PRIMARY KEY NOT NULL,
	`org_unit_id` text NOT NULL,
	`org_path` text NOT NULL,
	`title` text NOT NULL,
	`created_by` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `banks_path_idx` ON `question_banks` (`org_path`);--> statement-breakpoint
CREATE TABLE `questions` (
	`id` text PRIMARY KEY NOT NULL,
	`bank_id` text NOT NULL,
	`type` text NOT NULL,
	`stem` text NOT NULL,
	`stem_key` text NOT NULL,
	`options` text NOT NULL,
	`answer` text NOT NULL,
	`explanation` text DEFAULT '' NOT NULL,
	`source` text DEFAULT '' NOT NULL,
	`tags` text NOT NULL,
	`difficulty` integer DEFAULT 2 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `questions_bank_stem_uq` ON `questions` (`bank_id`,`stem_key`);--> statement-breakpoint
CREATE INDEX `questions_bank_idx` ON `questions` (`bank_id`,`active`);--> statement-breakpoint
CREATE TABLE `quiz_answers` (
	`attempt_id` text NOT NULL,
	`idx` integer NOT NULL,
	`question_id` text NOT NULL,
	`answer` text,
	`correct` integer NOT NULL,
	`late` integer DEFAULT false NOT NULL,
	`ms_taken` integer NOT NULL,
	`answered_at` text NOT NULL,
	PRIMARY KEY(`attempt_id`, `idx`)
);
--> statement-breakpoint
CREATE INDEX `answers_question_idx` ON `quiz_answers` (`question_id`);--> statement-breakpoint
CREATE TABLE `quiz_attempts` (
	`id` text PRIMARY KEY NOT NULL,
	`campaign_id` text NOT NULL,
	`stage_id` text NOT NULL,
	`user_id` text NOT NULL,
	`status` text NOT NULL,
	`mode` text NOT NULL,
	`day` text NOT NULL,
	`question_ids` text NOT NULL,
	`current` integer DEFAULT 0 NOT NULL,
	`shown_at` integer NOT NULL,
	`deadline` integer NOT NULL,
	`correct` integer DEFAULT 0 NOT NULL,
	`score` integer DEFAULT 0 NOT NULL,
	`ms_used` integer DEFAULT 0 NOT NULL,
	`points` integer DEFAULT 0 NOT NULL,
	`flags` integer DEFAULT 0 NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `attempts_one_active_uq` ON `quiz_attempts` (`campaign_id`,`stage_id`,`user_id`) WHERE status = 'active';--> statement-breakpoint
CREATE INDEX `attempts_user_day_idx` ON `quiz_attempts` (`user_id`,`campaign_id`,`day`);--> statement-breakpoint
CREATE INDEX `attempts_campaign_idx` ON `quiz_attempts` (`campaign_id`,`stage_id`,`status`);--> statement-breakpoint
CREATE TABLE `quiz_stages` (
	`id` text PRIMARY KEY NOT NULL,
	`campaign_id` text NOT NULL,
	`ord` integer NOT NULL,
	`name` text NOT NULL,
	`starts_at` text NOT NULL,
	`ends_at` text NOT NULL,
	`settings` text NOT NULL,
	`advancement` text,
	`advanced_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stages_campaign_ord_uq` ON `quiz_stages` (`campaign_id`,`ord`);--> statement-breakpoint
CREATE TABLE `stage_admissions` (
	`stage_id` text NOT NULL,
	`user_id` text NOT NULL,
	`from_rank` integer,
	`created_at` text NOT NULL,
	PRIMARY KEY(`stage_id`, `user_id`)
);
