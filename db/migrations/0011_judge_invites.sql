CREATE TABLE `judge_invites` (
	`id` text PRIMARY KEY NOT NULL,
	`code_hash` text NOT NULL,
	`campaign_id` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`accepted_by` text,
	`accepted_at` text,
	`revoked_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `judge_invites_code_hash_unique` ON `judge_invites` (`code_hash`);--> statement-breakpoint
CREATE INDEX `judge_invites_campaign_idx` ON `judge_invites` (`campaign_id`,`created_at`);
