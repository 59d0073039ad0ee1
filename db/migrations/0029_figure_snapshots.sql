CREATE TABLE `figure_snapshots` (
	`key` text PRIMARY KEY NOT NULL,
	`body` text NOT NULL,
	`computed_at` integer NOT NULL,
	`took_ms` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `training_sessions_starts_idx` ON `training_sessions` (`starts_at`);
