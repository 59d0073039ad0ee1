CREATE TABLE `wechat_tokens` (
	`name` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`expires_at` text NOT NULL
);
