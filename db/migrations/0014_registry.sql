ALTER TABLE `roster_entries` ADD `category` text DEFAULT 'full' NOT NULL;--> statement-breakpoint
ALTER TABLE `roster_entries` ADD `posts` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `roster_entries` ADD `post_since` text;--> statement-breakpoint
ALTER TABLE `roster_entries` ADD `status` text DEFAULT 'active' NOT NULL;--> statement-breakpoint
ALTER TABLE `roster_entries` ADD `joined_party_on` text;--> statement-breakpoint
CREATE INDEX `roster_unit_category_idx` ON `roster_entries` (`org_unit_id`,`category`);
