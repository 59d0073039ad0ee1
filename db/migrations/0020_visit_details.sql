ALTER TABLE `bookings` ADD `visitors` text;--> statement-breakpoint
ALTER TABLE `bookings` ADD `remind_sms` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `bookings` ADD `reminded_at` text;--> statement-breakpoint
ALTER TABLE `slot_waitlist` ADD `visitors` text;--> statement-breakpoint
ALTER TABLE `slot_waitlist` ADD `remind_sms` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `bookings_remind_idx` ON `bookings` (`remind_sms`,`status`,`reminded_at`);
