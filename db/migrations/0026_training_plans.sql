CREATE TABLE `training_plans` (
	`org_unit_id` text NOT NULL,
	`year` integer NOT NULL,
	`classes` text NOT NULL,
	`coverage_target` real NOT NULL,
	`hours_target` real NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`org_unit_id`, `year`)
);
--> statement-breakpoint
ALTER TABLE `certificates` ADD `kind` text DEFAULT 'volunteer' NOT NULL;
