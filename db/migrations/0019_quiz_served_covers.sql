ALTER TABLE `quiz_attempts` ADD `served` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `campaigns` ADD `cover_key` text;
