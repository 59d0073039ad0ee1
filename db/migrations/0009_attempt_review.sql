ALTER TABLE `quiz_attempts` ADD `review` text;--> statement-breakpoint
ALTER TABLE `quiz_attempts` ADD `review_reason` text;--> statement-breakpoint
ALTER TABLE `quiz_attempts` ADD `reviewed_by` text;--> statement-breakpoint
ALTER TABLE `quiz_attempts` ADD `reviewed_at` text;