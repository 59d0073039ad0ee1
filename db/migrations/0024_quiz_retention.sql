CREATE TABLE `quiz_question_totals` (
	`campaign_id` text NOT NULL,
	`question_id` text NOT NULL,
	`answered` integer NOT NULL,
	`correct` integer NOT NULL,
	`ms_total` integer NOT NULL,
	PRIMARY KEY(`campaign_id`, `question_id`)
);
