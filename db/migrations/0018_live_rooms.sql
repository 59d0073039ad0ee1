CREATE TABLE `quiz_rooms` (
	`id` text PRIMARY KEY NOT NULL,
	`campaign_id` text NOT NULL,
	`kind` text DEFAULT 'room' NOT NULL,
	`pin` text,
	`title` text NOT NULL,
	`question_ids` text NOT NULL,
	`seconds_per_question` integer NOT NULL,
	`size` integer,
	`status` text DEFAULT 'open' NOT NULL,
	`created_by` text,
	`created_at` text NOT NULL,
	`ended_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `quiz_rooms_open_pin_uq` ON `quiz_rooms` (`pin`) WHERE status = 'open' AND pin IS NOT NULL;--> statement-breakpoint
CREATE INDEX `quiz_rooms_campaign_idx` ON `quiz_rooms` (`campaign_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `quiz_room_results` (
	`room_id` text NOT NULL,
	`user_id` text NOT NULL,
	`name` text NOT NULL,
	`org_unit_id` text,
	`org_unit_name` text,
	`rank` integer NOT NULL,
	`score` integer NOT NULL,
	`correct` integer NOT NULL,
	`answered` integer NOT NULL,
	`ms_total` integer NOT NULL,
	`points` integer DEFAULT 0 NOT NULL,
	`day` text NOT NULL,
	PRIMARY KEY(`room_id`, `user_id`)
);
--> statement-breakpoint
CREATE INDEX `quiz_room_results_user_day_idx` ON `quiz_room_results` (`user_id`,`day`);
