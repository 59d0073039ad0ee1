ALTER TABLE `users` ADD `deleted_at` text;--> statement-breakpoint
ALTER TABLE `volunteer_pairs` ADD `withdrawn_at` text;--> statement-breakpoint
CREATE INDEX `audit_unit_time_idx` ON `audit_log` (`org_unit_id`,`at`);
