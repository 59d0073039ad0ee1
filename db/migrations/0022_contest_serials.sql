ALTER TABLE `contest_entries` ADD `serial` integer;--> statement-breakpoint
UPDATE `contest_entries` SET `serial` = (SELECT COUNT(*) FROM `contest_entries` e2 WHERE e2.`campaign_id` = `contest_entries`.`campaign_id` AND (e2.`created_at` < `contest_entries`.`created_at` OR (e2.`created_at` = `contest_entries`.`created_at` AND e2.`id` <= `contest_entries`.`id`)));--> statement-breakpoint
CREATE UNIQUE INDEX `entries_serial_uq` ON `contest_entries` (`campaign_id`,`serial`);
