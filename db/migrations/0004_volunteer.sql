CREATE TABLE `certificates` (
	`code` text PRIMARY KEY NOT NULL,
	`campaign_id` text NOT NULL,
	`user_id` text NOT NULL,
	`hours` real NOT NULL,
	`issued_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `certificates_user_uq` ON `certificates` (`campaign_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `service_records` (
	`id` text PRIMARY KEY NOT NULL,
	`campaign_id` text NOT NULL,
	`user_id` text NOT NULL,
	`org_unit_id` text,
	`org_path` text,
	`pair_id` text,
	`date` text NOT NULL,
	`hours` real NOT NULL,
	`description` text NOT NULL,
	`status` text NOT NULL,
	`reason` text,
	`reviewed_by` text,
	`reviewed_at` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `records_queue_idx` ON `service_records` (`campaign_id`,`status`,`org_path`,`date`);--> statement-breakpoint
CREATE INDEX `records_user_idx` ON `service_records` (`user_id`,`campaign_id`,`date`);--> statement-breakpoint
CREATE TABLE `volunteer_invites` (
	`code` text PRIMARY KEY NOT NULL,
	`campaign_id` text NOT NULL,
	`user_id` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invites_member_uq` ON `volunteer_invites` (`campaign_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `volunteer_pairs` (
	`id` text PRIMARY KEY NOT NULL,
	`campaign_id` text NOT NULL,
	`member_id` text NOT NULL,
	`member_unit_id` text,
	`member_path` text,
	`resident_name` text NOT NULL,
	`resident_phone` text NOT NULL,
	`resident_user_id` text,
	`consent_text` text NOT NULL,
	`consent_at` text NOT NULL,
	`source` text NOT NULL,
	`created_by` text,
	`created_at` text NOT NULL,
	`unlinked_at` text,
	`unlink_reason` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pairs_resident_uq` ON `volunteer_pairs` (`campaign_id`,`resident_phone`) WHERE unlinked_at IS NULL;--> statement-breakpoint
CREATE INDEX `pairs_member_idx` ON `volunteer_pairs` (`campaign_id`,`member_id`);--> statement-breakpoint
CREATE INDEX `pairs_path_idx` ON `volunteer_pairs` (`campaign_id`,`member_path`);