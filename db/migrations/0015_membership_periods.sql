ALTER TABLE `org_units` ADD `archived_at` text;--> statement-breakpoint
CREATE TABLE `membership_periods` (
	`id` text PRIMARY KEY NOT NULL,
	`roster_id` text,
	`user_id` text,
	`org_unit_id` text NOT NULL,
	`org_path` text NOT NULL,
	`from_day` text NOT NULL,
	`to_day` text,
	`reason` text NOT NULL,
	`note` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `periods_path_days_idx` ON `membership_periods` (`org_path`,`from_day`);--> statement-breakpoint
CREATE INDEX `periods_roster_idx` ON `membership_periods` (`roster_id`,`to_day`);--> statement-breakpoint
CREATE INDEX `periods_user_idx` ON `membership_periods` (`user_id`);--> statement-breakpoint
INSERT INTO `membership_periods` (`id`, `roster_id`, `user_id`, `org_unit_id`, `org_path`, `from_day`, `to_day`, `reason`, `note`, `created_at`)
SELECT 'mp-' || r.`id`, r.`id`, r.`user_id`, r.`org_unit_id`, u.`path`, substr(datetime(r.`created_at`, '+8 hours'), 1, 10), NULL, 'backfill', NULL, r.`created_at`
FROM `roster_entries` r JOIN `org_units` u ON u.`id` = r.`org_unit_id`;--> statement-breakpoint
INSERT INTO `membership_periods` (`id`, `roster_id`, `user_id`, `org_unit_id`, `org_path`, `from_day`, `to_day`, `reason`, `note`, `created_at`)
SELECT 'mp-' || m.`id`, NULL, m.`user_id`, m.`org_unit_id`, m.`org_path`, substr(datetime(m.`created_at`, '+8 hours'), 1, 10), NULL, 'backfill', NULL, m.`created_at`
FROM `memberships` m
WHERE m.`role` = 'member' AND NOT EXISTS (SELECT 1 FROM `roster_entries` r WHERE r.`user_id` = m.`user_id` AND r.`org_unit_id` = m.`org_unit_id`);
