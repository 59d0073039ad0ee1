CREATE TABLE `idempotency_keys` (
	`key` text PRIMARY KEY NOT NULL,
	`request_hash` text NOT NULL,
	`status` integer NOT NULL,
	`body` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `idempotency_created_idx` ON `idempotency_keys` (`created_at`);--> statement-breakpoint
CREATE TABLE `pledges` (
	`id` text PRIMARY KEY NOT NULL,
	`campaign_id` text NOT NULL,
	`user_id` text NOT NULL,
	`org_unit_id` text,
	`org_path` text,
	`amount` integer NOT NULL,
	`verified_amount` integer,
	`display_name` text NOT NULL,
	`anonymous` integer NOT NULL,
	`message` text,
	`message_status` text NOT NULL,
	`status` text NOT NULL,
	`reason` text,
	`receipt_key` text,
	`receipt_type` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`verified_by` text,
	`verified_at` text
);
--> statement-breakpoint
CREATE INDEX `pledges_campaign_status_idx` ON `pledges` (`campaign_id`,`status`,`org_path`);--> statement-breakpoint
CREATE INDEX `pledges_user_idx` ON `pledges` (`user_id`,`campaign_id`);